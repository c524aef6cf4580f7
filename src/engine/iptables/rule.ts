/**
 * One iptables rule as the kernel keeps it: plain readonly data, independent of how it was typed.
 * Two rules that iptables-save prints identically are deep-equal here (parse-rule.ts normalises).
 */
import type { Cidr } from '../net/ip.ts';

/** `[!] -s` / `[!] -d`. */
export interface AddressMatch {
  /** The network, host bits cleared (`10.0.0.1/8` → `10.0.0.0/8`; a bare address is /32 or /128). */
  readonly cidr: Cidr;
  /** `!` given. */
  readonly negated: boolean;
}

/** `[!] -i` / `[!] -o`. */
export interface InterfaceMatch {
  /** Interface name; a trailing `+` matches every name with that prefix. */
  readonly name: string;
  /** `!` given. */
  readonly negated: boolean;
}

/** `[!] -p`. */
export interface ProtocolMatch {
  /** IP protocol number (6 = tcp, 17 = udp, 132 = sctp, 1 = icmp); never 0 (`-p all` is no match). */
  readonly number: number;
  /** `!` given. */
  readonly negated: boolean;
}

/** `[!] -f` (IPv4 only): second and further fragments. */
export interface FragmentMatch {
  /** `!` given. */
  readonly negated: boolean;
}

/** One `--option` of a match or target, exactly as iptables-save prints it. */
export interface ExtensionOption {
  /** Canonical long name without dashes (`dport`, `ctstate`, `set-xmark`). */
  readonly name: string;
  /** Printed as `! --name`. */
  readonly negated: boolean;
  /** Canonical values (`0x4000/0x4000`, `RELATED,ESTABLISHED`, `0.50000000000`). */
  readonly values: readonly string[];
}

/** A loaded match module (`-m name`), options in the module's print order. */
export interface MatchCall {
  /** Module name (`comment`, `tcp`, `conntrack`…). */
  readonly name: string;
  /** Options in the order iptables-save prints them. */
  readonly options: readonly ExtensionOption[];
}

/** verdict: ACCEPT/DROP/RETURN; chain: jump or goto to a user chain; extension: REJECT, DNAT, MARK… */
export type TargetKind = 'verdict' | 'chain' | 'extension';

/** `-j NAME …` or `-g CHAIN`. */
export interface TargetCall {
  /** What kind of target the name refers to. */
  readonly kind: TargetKind;
  /** Verdict, chain or extension name. */
  readonly name: string;
  /** Extension options in print order (empty for verdicts and chains). */
  readonly options: readonly ExtensionOption[];
  /** `-g` (goto: no return to this chain) instead of `-j`. */
  readonly goto: boolean;
}

/** A rule: the fixed header fields, the matches in load order, and the target (null: count only). */
export interface Rule {
  /** Source address. */
  readonly src?: AddressMatch;
  /** Destination address. */
  readonly dst?: AddressMatch;
  /** Input interface. */
  readonly inIface?: InterfaceMatch;
  /** Output interface. */
  readonly outIface?: InterfaceMatch;
  /** Layer-4 protocol. */
  readonly proto?: ProtocolMatch;
  /** Fragment flag (IPv4). */
  readonly fragment?: FragmentMatch;
  /** Matches in the order they were loaded (explicit `-m` or implicitly by a protocol option). */
  readonly matches: readonly MatchCall[];
  /** The target, or null for a rule without `-j` (it only counts packets). */
  readonly target: TargetCall | null;
}

/** Packet and byte counters of a rule or a built-in chain's policy. */
export interface Counters {
  /** Packets counted. */
  readonly packets: number;
  /** Bytes counted. */
  readonly bytes: number;
}

export const ZERO_COUNTERS: Counters = { packets: 0, bytes: 0 };

/** The options of `call` named `name` (a module may repeat some, e.g. none of ours do). */
export function findOption(
  call: MatchCall | TargetCall,
  name: string,
): ExtensionOption | undefined {
  return call.options.find((o) => o.name === name);
}
