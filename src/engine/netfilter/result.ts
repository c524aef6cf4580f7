/**
 * What one table evaluation returns: the verdict, the NAT binding a nat rule chose, the packet
 * after it (mark changes), and the steps that explain the walk, rule by rule.
 */
import type { Ip } from '../net/ip.ts';
import type { TableName } from '../iptables/ruleset.ts';
import type { NetfilterError } from './errors.ts';
import type { Packet } from './packet.ts';

/** How the table let the packet go. */
export type Verdict =
  | { readonly kind: 'ACCEPT' }
  | { readonly kind: 'DROP' }
  | { readonly kind: 'REJECT'; readonly with: string }
  /** A DNAT/SNAT/MASQUERADE rule decided the connection's NAT (the packet goes on, NF_ACCEPT). */
  | { readonly kind: 'NAT' }
  /** A user chain evaluated on its own (`evaluateChain`) ended or returned without a verdict. */
  | { readonly kind: 'RETURN' }
  | { readonly kind: 'ERROR'; readonly error: NetfilterError };

export const ACCEPT: Verdict = { kind: 'ACCEPT' };
export const DROP: Verdict = { kind: 'DROP' };
export const NAT: Verdict = { kind: 'NAT' };
export const RETURN: Verdict = { kind: 'RETURN' };

/** A port range `[lo, hi]`. */
export type PortRange = readonly [number, number];

/** The translation a nat rule chose for the connection. */
export type NatBinding =
  | {
      readonly kind: 'DNAT';
      /** New destination address. */
      readonly addr: Ip;
      /** New destination port, or null to keep it. */
      readonly port: number | null;
    }
  | {
      readonly kind: 'SNAT';
      /** New source address. */
      readonly addr: Ip;
      /** Source ports to choose from (`--to-source a:lo-hi`), null = keep if free. */
      readonly ports: PortRange | null;
      /** `--random` or `--random-fully`: the port is drawn, not kept. */
      readonly randomPort: boolean;
    }
  | {
      readonly kind: 'MASQUERADE';
      /** The outgoing interface whose address becomes the source. */
      readonly iface: string | null;
      /** That interface's address, or null when it has none (the kernel then drops the packet). */
      readonly addr: Ip | null;
      /** `--to-ports lo-hi`, null = keep the port if free. */
      readonly ports: PortRange | null;
      /** `--random` or `--random-fully`. */
      readonly randomPort: boolean;
    };

/** What a stateful or random match saw while a rule was tried. */
export type MatchNote =
  | {
      readonly kind: 'random';
      /** Probability the kernel uses (stored value / 2³¹). */
      readonly probability: number;
      /** As iptables-save prints it (`0.33333333349`). */
      readonly probabilityText: string;
      /** The value drawn from `rng()`. */
      readonly draw: number;
      /** Whether the match matched (draw < probability, unless negated). */
      readonly taken: boolean;
    }
  | {
      readonly kind: 'nth';
      /** `--every n`. */
      readonly every: number;
      /** The rule's counter after this packet. */
      readonly counter: number;
      /** Whether the match matched. */
      readonly taken: boolean;
    }
  | {
      readonly kind: 'recent';
      /** `--name`. */
      readonly name: string;
      /** `set`, `rcheck`, `update` or `remove`. */
      readonly command: string;
      /** The (masked) address looked up. */
      readonly address: Ip;
      /** Whether the match matched. */
      readonly matched: boolean;
    };

/** What a step did. */
export type StepEffect =
  | { readonly kind: 'jump'; readonly chain: string }
  | { readonly kind: 'goto'; readonly chain: string }
  | { readonly kind: 'return' }
  | { readonly kind: 'accept' }
  | { readonly kind: 'drop' }
  | { readonly kind: 'reject'; readonly with: string }
  | { readonly kind: 'dnat'; readonly to: string }
  | { readonly kind: 'snat'; readonly to: string }
  | { readonly kind: 'masquerade'; readonly iface: string | null; readonly to: string | null }
  | { readonly kind: 'mark'; readonly from: number; readonly to: number }
  | { readonly kind: 'log'; readonly prefix: string; readonly level: number }
  | { readonly kind: 'nflog'; readonly group: number; readonly prefix: string }
  /** A rule without target matched: only its counters moved. */
  | { readonly kind: 'count' }
  /** The rule did not match, but a random/stateful match ran (see the notes). */
  | { readonly kind: 'no-match' }
  /** A user chain ran out of rules: back to the caller. */
  | { readonly kind: 'end' }
  /** A built-in chain ran out of rules (or RETURNed): its policy decides. */
  | { readonly kind: 'policy'; readonly policy: 'ACCEPT' | 'DROP' };

/** One line of the explanation. */
export interface Step {
  /** Table. */
  readonly table: TableName;
  /** Chain the rule is in. */
  readonly chain: string;
  /** 1-based position (`iptables -L --line-numbers`), null for a policy or a chain end. */
  readonly ruleNumber: number | null;
  /** The rule as `iptables-save` prints it; `-P CHAIN POLICY` for a policy; '' for a chain end. */
  readonly ruleText: string;
  /** Target name (`KUBE-SVC-…`, `DNAT`, `ACCEPT`), '' when there is none. */
  readonly target: string;
  /** What happened. */
  readonly effect: StepEffect;
  /** Rules of this chain passed over (not matching) since the previous step in it. */
  readonly skipped: number;
  /** Jump depth (0 = the chain the evaluation started in). */
  readonly depth: number;
  /** Random draws and stateful lookups made while trying the rule. */
  readonly notes: readonly MatchNote[];
}

export interface TableResult {
  /** Table evaluated. */
  readonly table: TableName;
  /** Chain the evaluation started in (the hook's built-in chain). */
  readonly chain: string;
  /** Outcome. */
  readonly verdict: Verdict;
  /** The NAT binding when the verdict is NAT. */
  readonly nat: NatBinding | null;
  /** The packet afterwards (mark changes; NAT is applied by the hook runner). */
  readonly packet: Packet;
  /** The explanation. */
  readonly steps: readonly Step[];
}

export const NO_NOTES: readonly MatchNote[] = Object.freeze([]);
