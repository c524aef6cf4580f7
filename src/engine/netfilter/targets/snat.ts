/**
 * `-j SNAT --to-source a[-b][:lo[-hi]] [--random] [--random-fully] [--persistent]`: terminal in
 * nat. The first address of a range is taken; the source port is chosen later against the
 * conntrack table (conntrack-nat.ts), so the binding carries the range and the random flag.
 */
import { formatIp } from '../../net/ip.ts';
import { parseNatRange } from '../../iptables/targets/nat-range.ts';
import type { NatBinding, StepEffect } from '../result.ts';
import type { TargetEvaluator } from '../target-evaluator.ts';
import { unknownTargetOption } from '../target-evaluator.ts';

export const snatEvaluator: TargetEvaluator = {
  name: 'SNAT',
  compile(call, site) {
    const bad = unknownTargetOption(call, ['to-source', 'random', 'random-fully', 'persistent']);
    if (bad) return bad;
    const text = call.options.find((o) => o.name === 'to-source')?.values[0] ?? '';
    const range = parseNatRange(text, site.family, true);
    if (typeof range === 'string') return `target SNAT: ${range}`;
    const addr = range.addrs?.[0];
    if (!addr) return 'target SNAT: no address in --to-source';
    const binding: NatBinding = {
      kind: 'SNAT',
      addr,
      ports: range.ports ?? null,
      randomPort: call.options.some((o) => o.name === 'random' || o.name === 'random-fully'),
    };
    const effect: StepEffect = { kind: 'snat', to: formatIp(addr) };
    return (run) => {
      run.nat = binding;
      run.effect = effect;
      return 'nat';
    };
  },
};
