import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compileScenario, runTraceSpec } from '../../engine/index.ts';
import { encapsulation, headerRows, hopPlace, outerText } from './hop-text.ts';

const text = readFileSync(
  new URL('../../../scenarios/article/scenario.yaml', import.meta.url),
  'utf8',
);
const cluster = compileScenario([{ name: 'scenario.yaml', text }]).cluster!;
const r = runTraceSpec(cluster, { from: 'client', to: 'clusterip-service', seed: 1, packets: 1 });
if (!r.ok) throw new Error(r.error);
const [orig, reply] = r.value.connections[0]!.packets;

describe('hop text', () => {
  test('the DNAT hop changes the destination only', () => {
    const dnat = orig!.hops.find((h) => h.hook === 'PREROUTING')!;
    expect(hopPlace(dnat)).toBe('node1 · host · weave');
    expect(hopPlace(orig!.hops[0]!)).toBe('node1 · pod default/client · eth0');
    expect(hopPlace(orig!.hops[0]!, true)).toBe('node1 · client · eth0');
    const rows = headerRows(dnat.before, dnat.after);
    expect(rows.filter((x) => x.changed).map((x) => x.field)).toEqual(['destination']);
    expect(rows.find((x) => x.field === 'destination')).toMatchObject({
      before: '10.100.100.100:80',
      after: '10.36.0.1:80',
    });
  });

  test('the overlay: wrapped at vxlan-6784, carried over the LAN, unwrapped on node2', () => {
    const kinds = orig!.hops.map((h) => [h.kind, encapsulation(h)]);
    expect(kinds).toContainEqual(['encap', 'added']);
    expect(kinds).toContainEqual(['wire', 'carried']);
    expect(kinds).toContainEqual(['decap', 'removed']);
    const wire = orig!.hops.find((h) => h.kind === 'wire')!;
    expect(hopPlace(wire)).toBe('overlay node1 → node2');
    expect(outerText(wire.after.outer!)).toBe('192.168.56.11 → 192.168.56.12:6784');
  });

  test('the reply is un-DNATed back to the Service address', () => {
    const undnat = reply!.hops.find((h) => h.verdict?.includes('un-DNAT'))!;
    expect(headerRows(undnat.before, undnat.after).find((x) => x.changed)).toMatchObject({
      field: 'source',
      before: '10.36.0.1:80',
      after: '10.100.100.100:80',
    });
  });
});
