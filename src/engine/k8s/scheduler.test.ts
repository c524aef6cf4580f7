import { describe, expect, it } from 'vitest';
import {
  countPlacement,
  emptyCounts,
  schedulePod,
  tolerates,
  type SchedulingNode,
} from './scheduler.ts';

const cp = 'node-role.kubernetes.io/control-plane';
const nodes: SchedulingNode[] = [
  {
    name: 'master',
    labels: { [cp]: '', disk: 'ssd' },
    taints: [{ key: cp, effect: 'NoSchedule' }],
    unschedulable: false,
  },
  { name: 'node1', labels: { disk: 'hdd' }, taints: [], unschedulable: false },
  { name: 'node2', labels: { disk: 'hdd' }, taints: [], unschedulable: false },
];

describe('tolerates', () => {
  it('follows ToleratesTaint', () => {
    const taint = { key: cp, effect: 'NoSchedule' };
    expect(tolerates({ key: cp, operator: 'Exists' }, taint)).toBe(true);
    expect(tolerates({ operator: 'Exists' }, taint)).toBe(true);
    expect(tolerates({ key: cp, effect: 'NoExecute', operator: 'Exists' }, taint)).toBe(false);
    expect(tolerates({ key: cp, operator: 'Equal', value: '' }, taint)).toBe(true);
    expect(tolerates({ key: cp, value: 'x' }, taint)).toBe(false);
  });
});

describe('schedulePod', () => {
  it('avoids the tainted control plane and spreads pods of one owner', () => {
    const counts = emptyCounts();
    const placed: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = schedulePod({ ownerKey: 'rs' }, nodes, counts);
      if (r.nodeName) {
        placed.push(r.nodeName);
        countPlacement(counts, r.nodeName, 'rs');
      }
    }
    expect(placed).toEqual(['node1', 'node2', 'node1', 'node2']);
  });

  it('prefers the node with fewer pods overall when owners tie', () => {
    const counts = emptyCounts();
    countPlacement(counts, 'node1', 'other');
    expect(schedulePod({ ownerKey: 'rs' }, nodes, counts)).toEqual({ nodeName: 'node2' });
  });

  it('puts pods that tolerate the taint on the control plane too', () => {
    const counts = emptyCounts();
    countPlacement(counts, 'node1', null);
    countPlacement(counts, 'node2', null);
    expect(
      schedulePod(
        { ownerKey: null, tolerations: [{ key: cp, operator: 'Exists', effect: 'NoSchedule' }] },
        nodes,
        counts,
      ),
    ).toEqual({ nodeName: 'master' });
  });

  it('explains an unschedulable pod like kube-scheduler', () => {
    expect(
      schedulePod({ ownerKey: null, nodeSelector: { disk: 'ssd' } }, nodes, emptyCounts()),
    ).toEqual({
      nodeName: null,
      reason:
        "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector.",
    });
    const cordoned = nodes.map((n) => ({ ...n, unschedulable: n.name !== 'master' }));
    expect(schedulePod({ ownerKey: null }, cordoned, emptyCounts())).toEqual({
      nodeName: null,
      reason:
        '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) were unschedulable.',
    });
    expect(schedulePod({ ownerKey: null }, [], emptyCounts())).toEqual({
      nodeName: null,
      reason: 'no nodes available to schedule pods',
    });
  });

  it('ignores PreferNoSchedule taints', () => {
    const soft: SchedulingNode[] = [
      {
        name: 'a',
        labels: {},
        taints: [{ key: 'x', effect: 'PreferNoSchedule' }],
        unschedulable: false,
      },
    ];
    expect(schedulePod({ ownerKey: null }, soft, emptyCounts())).toEqual({ nodeName: 'a' });
  });
});
