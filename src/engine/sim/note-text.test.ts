import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildNetwork } from '../cni/build-network.ts';
import { findNode } from '../cni/find.ts';
import { resolveOnLink } from '../cni/l2.ts';
import type { NetNamespace } from '../cni/network-model.ts';
import { compileManifests } from '../k8s/compile.ts';
import type { HookDrop, HookResult } from '../netfilter/hook.ts';
import { arpFailureMsg } from './arp-messages.ts';
import { dropReasonMsg } from './hops.ts';
import { renderTraceText } from './note-text.ts';
import { runTraceSpec } from './trace-text.ts';
import { msg } from './trace-messages.ts';

const SCENARIOS = join(import.meta.dirname, '../../../scenarios');

function network(name: string) {
  const text = readFileSync(join(SCENARIOS, name, 'scenario.yaml'), 'utf8');
  const cluster = compileManifests([{ name: 'scenario.yaml', text }]).cluster!;
  return { cluster, network: buildNetwork(cluster) };
}

describe('English text from messages', () => {
  test('parts are joined by "; "', () => {
    const text = [msg('natSkipped', {}), msg('accepted', {})];
    expect(renderTraceText(text)).toBe(
      "nat table not consulted: this connection's NAT was decided by its first packet; accepted",
    );
  });

  // The ARP failure is rebuilt from the resolution's facts; its words must stay cni/l2.ts's.
  describe('why nobody answered ARP reads as the L2 layer says it', () => {
    const weave = network('article');
    const docker = network('docker-only');
    const pod = (n: typeof weave, node: string) => findNode(n.network, node)!.pods[0]!;
    const host = (n: typeof weave, node: string) => findNode(n.network, node)!.host;
    const cases: [string, typeof weave, NetNamespace, string, string][] = [
      ['weave', weave, pod(weave, 'node1'), 'eth0', '10.40.0.99'],
      ['docker0, the address elsewhere', docker, pod(docker, 'node2'), 'eth0', '172.17.0.3'],
      ['docker0, nowhere', docker, pod(docker, 'node2'), 'eth0', '172.17.0.99'],
      ['the LAN', weave, host(weave, 'node1'), 'eth0', '192.168.56.99'],
      ['not a broadcast link', weave, host(weave, 'node1'), 'lo', '127.0.0.2'],
    ];
    test.each(cases)('%s', (_label, n, ns, dev, ip) => {
      const r = resolveOnLink(n.network, ns, dev, ip);
      expect(r.reason).not.toBeNull();
      expect(renderTraceText([arpFailureMsg(ns, dev, ip, r)])).toBe(r.reason);
    });

    test('in a trace: the hop, then the outcome', () => {
      const t = runTraceSpec(weave.cluster, { from: 'client', to: '10.40.0.99:80', packets: 1 });
      if (!t.ok) throw new Error(t.error);
      const c = t.value.connections[0]!;
      expect(c.outcome.kind).toBe('unreachable');
      expect(c.packets[0]!.hops.at(-1)!.note).toBe(
        'no pod or bridge in the Weave network has 10.40.0.99: the ARP request was flooded to every node over the overlay and nobody answered; the sender gets EHOSTUNREACH (No route to host)',
      );
    });
  });

  const drops: [string, HookDrop | null][] = [
    [
      'MASQUERADE: no IPv4 address on eth1',
      { kind: 'masquerade-no-address', family: 4, iface: 'eth1' },
    ],
    [
      'MASQUERADE: no IPv6 address on (none)',
      { kind: 'masquerade-no-address', family: 6, iface: null },
    ],
    [
      'SNAT: no free source port on 192.168.56.11',
      { kind: 'no-free-port', target: 'SNAT', addr: '192.168.56.11' },
    ],
    [
      'MASQUERADE: no free source port on 10.44.0.0',
      { kind: 'no-free-port', target: 'MASQUERADE', addr: '10.44.0.0' },
    ],
    ['dropped by a rule or the chain policy', null],
  ];
  test.each(drops)('a hook drop reads "%s"', (text, reason) => {
    const m = dropReasonMsg({ reason } as HookResult);
    expect(renderTraceText([m])).toBe(text);
  });
});
