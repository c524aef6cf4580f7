/**
 * `-j MASQUERADE [--to-ports lo[-hi]] [--random] [--random-fully]`: SNAT to the address of the
 * outgoing interface (the one in the next hop's subnet first, as inet_select_addr does). The port
 * is chosen later against the conntrack table.
 */
import { formatIp } from '../../net/ip.ts';
import { selectSourceAddress } from '../address-types.ts';
import type { PortRange } from '../result.ts';
import type { TargetEvaluator } from '../target-evaluator.ts';
import { unknownTargetOption } from '../target-evaluator.ts';

export const masqueradeEvaluator: TargetEvaluator = {
  name: 'MASQUERADE',
  compile(call, site) {
    const bad = unknownTargetOption(call, ['to-ports', 'random', 'random-fully']);
    if (bad) return bad;
    const text = call.options.find((o) => o.name === 'to-ports')?.values[0];
    let ports: PortRange | null = null;
    if (text !== undefined) {
      const [lo, hi] = text.split('-').map(Number);
      if (lo === undefined || !Number.isInteger(lo))
        return `target MASQUERADE: bad --to-ports "${text}"`;
      ports = [lo, hi ?? lo];
    }
    const randomPort = call.options.some((o) => o.name === 'random' || o.name === 'random-fully');
    return (run) => {
      const { ctx, packet } = run;
      const iface = ctx.outIface;
      const addr = selectSourceAddress(
        ctx.addresses,
        iface,
        site.family,
        ctx.nextHop ?? packet.dst,
      );
      run.nat = { kind: 'MASQUERADE', iface, addr, ports, randomPort };
      run.effect = { kind: 'masquerade', iface, to: addr ? formatIp(addr) : null };
      return 'nat';
    };
  },
};
