import { describe, expect, it } from 'vitest';
import { podFromInput, podFromTemplate, toClusterPod } from './pods.ts';
import { makeResource } from './resources.ts';
import { pod } from './testing.ts';

const nodes = new Map([['node1', '192.168.56.11']]);

describe('pods', () => {
  it('keeps what a pasted pod says: node, IP (canonical), phase, Ready, controller', () => {
    const p = pod({ name: 'a', nodeName: 'node1', podIP: '10.044.0.01', ready: false });
    if (p.metadata)
      p.metadata.ownerReferences = [{ kind: 'ReplicaSet', name: 'web-abc', controller: true }];
    const rec = podFromInput(makeResource('Pod', p));
    expect(rec).toMatchObject({
      nodeName: 'node1',
      ip: '10.44.0.1',
      phase: 'Running',
      ready: false,
      observed: true,
      owner: { kind: 'ReplicaSet', name: 'web-abc' },
    });
  });

  it('treats a pod without status as new (Running and Ready once placed)', () => {
    const rec = podFromInput(makeResource('Pod', pod()));
    expect(rec).toMatchObject({
      nodeName: null,
      ip: null,
      phase: 'Running',
      ready: true,
      observed: false,
      owner: null,
    });
  });

  it('shows unplaced pods as Pending without an address', () => {
    const rec = podFromTemplate(
      'default',
      'x',
      { spec: { containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 80 }] }] } },
      { kind: 'ReplicaSet', name: 'rs' },
    );
    expect(toClusterPod(rec, nodes)).toMatchObject({
      nodeName: null,
      ip: null,
      phase: 'Pending',
      ready: false,
    });
    rec.nodeName = 'node1';
    rec.ip = '10.44.0.3';
    expect(toClusterPod(rec, nodes)).toMatchObject({
      nodeName: 'node1',
      ip: '10.44.0.3',
      phase: 'Running',
      ready: true,
      containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 80, protocol: 'TCP' }] }],
    });
  });
});
