/**
 * The fast evaluator's version of header-match.ts. IPv4 addresses and the protocol become plain
 * numbers on the compiled rule (no closure to chase: long chains are memory-bound); interfaces,
 * `-f` and IPv6 addresses go into one extra closure.
 */
import type { AddressMatch, InterfaceMatch, Rule } from '../iptables/rule.ts';
import type { EvalContext } from './context.ts';
import type { Packet } from './packet.ts';

/** A header check that is not flattened into numbers. */
export type HeaderTest = (p: Packet, ctx: EvalContext) => boolean;

export const H_SRC = 1;
export const H_DST = 2;
export const H_PROTO = 4;
export const H_EXTRA = 8;
/** `! -s`, `! -d`, `! -p`. */
export const H_SRC_NEG = 16;
export const H_DST_NEG = 32;
export const H_PROTO_NEG = 64;

/** A rule's header as data: which checks apply and their operands. */
export interface HeaderFields {
  /**
   * `H_*` bits of the checks present and their negations (0: the header matches every packet);
   * the negations are bits too, so a rule's header check reads small integers only.
   */
  readonly header: number;
  /** IPv4 `-s` network (as a signed 32-bit integer, like `srcMask`). */
  readonly srcNet: number;
  /** IPv4 `-s` mask. */
  readonly srcMask: number;
  /** IPv4 `-d` network. */
  readonly dstNet: number;
  /** IPv4 `-d` mask. */
  readonly dstMask: number;
  /** `-p` number. */
  readonly proto: number;
  /** Interfaces, fragment, IPv6 addresses. */
  readonly extra: HeaderTest | null;
}

function v4Mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

function v6Test(m: AddressMatch, side: 'src' | 'dst'): HeaderTest {
  const shift = BigInt(128 - m.cidr.prefix);
  const net = (m.cidr.ip.value as bigint) >> shift;
  const negated = m.negated;
  return (p) => ((p[side].value as bigint) >> shift === net) !== negated;
}

function interfaceTest(m: InterfaceMatch, side: 'inIface' | 'outIface'): HeaderTest {
  const negated = m.negated;
  if (m.name.endsWith('+')) {
    const prefix = m.name.slice(0, -1);
    return (_, ctx) => (ctx[side] ?? '').startsWith(prefix) !== negated;
  }
  const name = m.name;
  return (_, ctx) => (ctx[side] === name) !== negated;
}

/** The header of `rule` as HeaderFields. */
export function compileHeader(rule: Rule): HeaderFields {
  let header = 0;
  const extras: HeaderTest[] = [];
  const { src, dst, proto } = rule;
  if (src && src.cidr.ip.family === 4) header |= H_SRC;
  else if (src) extras.push(v6Test(src, 'src'));
  if (dst && dst.cidr.ip.family === 4) header |= H_DST;
  else if (dst) extras.push(v6Test(dst, 'dst'));
  if (proto) header |= H_PROTO;
  if (rule.inIface) extras.push(interfaceTest(rule.inIface, 'inIface'));
  if (rule.outIface) extras.push(interfaceTest(rule.outIface, 'outIface'));
  if (rule.fragment) {
    const negated = rule.fragment.negated;
    extras.push((p) => (p.fragment === true) !== negated);
  }
  let extra: HeaderTest | null = null;
  if (extras.length === 1) extra = extras[0] as HeaderTest;
  else if (extras.length > 1) {
    extra = (p, ctx) => {
      for (const t of extras) if (!t(p, ctx)) return false;
      return true;
    };
  }
  if (extra) header |= H_EXTRA;
  if (header & H_SRC && src?.negated) header |= H_SRC_NEG;
  if (header & H_DST && dst?.negated) header |= H_DST_NEG;
  if (proto?.negated) header |= H_PROTO_NEG;
  return {
    header,
    // Signed 32-bit: small integers stay unboxed in the compiled rule (no pointer to chase).
    srcNet: header & H_SRC ? (src?.cidr.ip.value as number) | 0 : 0,
    srcMask: header & H_SRC ? v4Mask(src?.cidr.prefix ?? 0) | 0 : 0,
    dstNet: header & H_DST ? (dst?.cidr.ip.value as number) | 0 : 0,
    dstMask: header & H_DST ? v4Mask(dst?.cidr.prefix ?? 0) | 0 : 0,
    proto: proto?.number ?? 0,
    extra,
  };
}

/** Whether the packet passes the header (the checks ip_packet_match makes). */
export function headerPasses(h: HeaderFields, p: Packet, ctx: EvalContext): boolean {
  const bits = h.header;
  if (
    bits & H_DST &&
    (((p.dst.value as number) & h.dstMask) === h.dstNet) === ((bits & H_DST_NEG) !== 0)
  )
    return false;
  if (
    bits & H_SRC &&
    (((p.src.value as number) & h.srcMask) === h.srcNet) === ((bits & H_SRC_NEG) !== 0)
  )
    return false;
  if (bits & H_PROTO && (p.proto === h.proto) === ((bits & H_PROTO_NEG) !== 0)) return false;
  if (bits & H_EXTRA && !(h.extra as HeaderTest)(p, ctx)) return false;
  return true;
}
