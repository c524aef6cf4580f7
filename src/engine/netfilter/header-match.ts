/**
 * The fixed part of a rule (`-s -d -i -o -p -f`, ip_packet_match), tested the plain way: this is
 * what the linear evaluator uses; header-test.ts compiles the same checks for the fast one.
 */
import type { Rule } from '../iptables/rule.ts';
import { cidrContains } from '../net/ip.ts';
import type { EvalContext } from './context.ts';
import { interfaceMatches } from './interface-name.ts';
import type { Packet } from './packet.ts';

export function headerMatches(rule: Rule, packet: Packet, ctx: EvalContext): boolean {
  if (rule.src && cidrContains(rule.src.cidr, packet.src) === rule.src.negated) return false;
  if (rule.dst && cidrContains(rule.dst.cidr, packet.dst) === rule.dst.negated) return false;
  if (rule.inIface && interfaceMatches(rule.inIface.name, ctx.inIface) === rule.inIface.negated) {
    return false;
  }
  if (
    rule.outIface &&
    interfaceMatches(rule.outIface.name, ctx.outIface) === rule.outIface.negated
  ) {
    return false;
  }
  if (rule.proto && (packet.proto === rule.proto.number) === rule.proto.negated) return false;
  if (rule.fragment && (packet.fragment === true) === rule.fragment.negated) return false;
  return true;
}
