/**
 * `-j DNAT --to-destination [a[-b]][:lo[-hi[/base]]] [--random] [--persistent]`: terminal in nat.
 * Of an address range the first address is taken (the kernel hashes the tuple into the range);
 * of a port range the packet's port if it lies inside, else the first port, or with `--random` a
 * drawn one; `/base` shifts the port like the kernel's port offset.
 */
import { formatIp, joinHostPort } from '../../net/ip.ts';
import { parseNatRange } from '../../iptables/targets/nat-range.ts';
import type { NatBinding, StepEffect } from '../result.ts';
import type { TargetEvaluator } from '../target-evaluator.ts';
import { fixedAction, unknownTargetOption } from '../target-evaluator.ts';

export const dnatEvaluator: TargetEvaluator = {
  name: 'DNAT',
  compile(call, site) {
    const bad = unknownTargetOption(call, ['to-destination', 'random', 'persistent']);
    if (bad) return bad;
    const text = call.options.find((o) => o.name === 'to-destination')?.values[0] ?? '';
    const range = parseNatRange(text, site.family, true);
    if (typeof range === 'string') return `target DNAT: ${range}`;
    const random = call.options.some((o) => o.name === 'random');
    const addr = range.addrs?.[0] ?? null;
    const ports = range.ports ?? null;
    const base = range.base;
    if (addr && ports && ports[0] === ports[1] && base === undefined) {
      // The usual kube-proxy form `ip:port`: the same binding for every packet.
      const binding: NatBinding = { kind: 'DNAT', addr, port: ports[0] };
      const effect: StepEffect = { kind: 'dnat', to: joinHostPort(formatIp(addr), ports[0]) };
      return fixedAction({ code: 'nat', effect, nat: binding });
    }
    return (run) => {
      const p = run.packet;
      const to = addr ?? p.dst;
      let port: number | null = null;
      if (ports) {
        const [lo, hi] = ports;
        const size = hi - lo + 1;
        if (base !== undefined) port = lo + ((((p.dport - base) % size) + size) % size);
        else if (lo === hi) port = lo;
        else if (random) port = lo + Math.floor(run.ctx.rng() * size);
        else port = p.dport >= lo && p.dport <= hi ? p.dport : lo;
      }
      run.nat = { kind: 'DNAT', addr: to, port };
      run.effect = { kind: 'dnat', to: joinHostPort(formatIp(to), port ?? p.dport) };
      return 'nat';
    };
  },
};
