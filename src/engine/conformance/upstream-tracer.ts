/**
 * The simplified packet tracer of kube-proxy's unit tests (shared/fixtures/kube-proxy/README.md,
 * "Packet-flow semantics"): follows every probability branch, treats `--rcheck`, `--mark` and
 * `--ctstate` rules as never matching, runs nat KUBE-SERVICES then four filter chains. It exists
 * only to replay upstream's `packetFlows` expectations; podpath's real evaluator is elsewhere.
 */
import type { ProxierConfig } from '../kubeproxy/config.ts';
import { cidrContains, formatIp, hostCidr, parseCidr, parseIp } from '../net/ip.ts';
import type { PacketFlow } from './case-types.ts';

interface Rule {
  readonly words: readonly string[];
}

/** Splits a restore line into words, honouring double quotes. */
function splitWords(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  let has = false;
  for (const ch of line) {
    if (ch === '"') {
      inQuote = !inQuote;
      has = true;
    } else if (ch === ' ' && !inQuote) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

function tablesOf(restore: string): Map<string, Map<string, Rule[]>> {
  const tables = new Map<string, Map<string, Rule[]>>();
  let current: Map<string, Rule[]> | null = null;
  for (const line of restore.split('\n')) {
    if (line.startsWith('*')) {
      current = new Map();
      tables.set(line.slice(1), current);
    } else if (current && line.startsWith('-A ')) {
      const words = splitWords(line);
      const chain = words[1] ?? '';
      const list = current.get(chain) ?? [];
      list.push({ words: words.slice(2) });
      current.set(chain, list);
    }
  }
  return tables;
}

/** Upstream's fake node addresses for `addrtype LOCAL`. */
const LOCAL_ADDRESSES = [
  '127.0.0.1',
  '::1',
  '192.168.0.2',
  '192.168.1.2',
  '192.168.99.11',
  '2001:db8::1',
  '2001:db8:1::2',
];

function value(words: readonly string[], flag: string): { v: string; neg: boolean } | null {
  const i = words.indexOf(flag);
  if (i < 0) return null;
  return { v: words[i + 1] ?? '', neg: words[i - 1] === '!' };
}

function addrMatches(spec: string, ip: string): boolean {
  const target = parseIp(ip);
  if (!target) return false;
  const cidr = spec.includes('/')
    ? parseCidr(spec)
    : (() => {
        const a = parseIp(spec);
        return a ? hostCidr(a) : null;
      })();
  return cidr !== null && cidrContains(cidr, target);
}

interface Packet {
  readonly sourceIP: string;
  readonly protocol: string;
  readonly destIP: string;
  readonly destPort: number;
}

function ruleMatches(
  words: readonly string[],
  p: Packet,
  localAddresses: ReadonlySet<string>,
): boolean {
  if (words.includes('--rcheck') || words.includes('--mark') || words.includes('--ctstate'))
    return false;
  const checks: [string, (v: string) => boolean][] = [
    ['-s', (v) => addrMatches(v, p.sourceIP)],
    ['-d', (v) => addrMatches(v, p.destIP)],
    ['-p', (v) => v === p.protocol.toLowerCase()],
    ['--dport', (v) => Number(v) === p.destPort],
    ['--src-type', (v) => v === 'LOCAL' && localAddresses.has(p.sourceIP)],
    ['--dst-type', (v) => v === 'LOCAL' && localAddresses.has(p.destIP)],
  ];
  for (const [flag, test] of checks) {
    const f = value(words, flag);
    if (f && test(f.v) === f.neg) return false;
  }
  return true;
}

interface TraceState {
  outputs: string[];
  masq: boolean;
}

function runChain(
  rules: ReadonlyMap<string, Rule[]>,
  chain: string,
  p: Packet,
  st: TraceState,
  local: ReadonlySet<string>,
  depth: number,
): boolean {
  if (depth > 64) return false;
  for (const rule of rules.get(chain) ?? []) {
    if (!ruleMatches(rule.words, p, local)) continue;
    const jump = value(rule.words, '-j')?.v;
    if (jump === undefined) continue;
    if (jump === 'KUBE-MARK-MASQ') {
      st.masq = true;
      continue;
    }
    if (jump === 'ACCEPT' || jump === 'REJECT' || jump === 'DROP') {
      st.outputs.push(jump);
      return true;
    }
    if (jump === 'DNAT') {
      st.outputs.push(value(rule.words, '--to-destination')?.v ?? '');
      return true;
    }
    const terminated = runChain(rules, jump, p, st, local, depth + 1);
    if (terminated && !rule.words.includes('--probability')) return true;
  }
  return false;
}

/** The host part of `ip:port` / `[ip]:port`. */
function hostOf(endpoint: string): string {
  const m = /^\[(.*)\]:\d+$/.exec(endpoint);
  if (m) return m[1] ?? '';
  const i = endpoint.lastIndexOf(':');
  return i < 0 ? endpoint : endpoint.slice(0, i);
}

export function traceUpstream(
  restore: string,
  flow: PacketFlow,
  config: ProxierConfig,
): { output: string; masq: boolean } {
  void config;
  const tables = tablesOf(restore);
  const nat = tables.get('nat') ?? new Map<string, Rule[]>();
  const filter = tables.get('filter') ?? new Map<string, Rule[]>();
  const local = new Set(LOCAL_ADDRESSES.map((a) => formatIp(parseIp(a)!)));
  const canonical = (ip: string) => {
    const a = parseIp(ip);
    return a ? formatIp(a) : ip;
  };
  let p: Packet = {
    sourceIP: canonical(flow.sourceIP),
    protocol: flow.protocol,
    destIP: canonical(flow.destIP),
    destPort: flow.destPort,
  };
  const st: TraceState = { outputs: [], masq: false };
  runChain(nat, 'KUBE-SERVICES', p, st, local, 0);
  if (st.outputs.length > 0) p = { ...p, destIP: canonical(hostOf(st.outputs[0] ?? '')) };
  for (const chain of [
    'KUBE-SERVICES',
    'KUBE-EXTERNAL-SERVICES',
    'KUBE-NODEPORTS',
    'KUBE-PROXY-FIREWALL',
  ]) {
    runChain(filter, chain, p, st, local, 0);
  }
  return { output: st.outputs.join(', '), masq: st.masq };
}
