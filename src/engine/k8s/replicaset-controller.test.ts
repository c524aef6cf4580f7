import { describe, expect, it } from 'vitest';
import { podFromTemplate, type PodRecord } from './pods.ts';
import { reconcileReplicaSet } from './replicaset-controller.ts';

const template = {
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'c', image: 'i' }] },
};

function existing(name: string, extra: Partial<PodRecord> = {}): PodRecord {
  return {
    ...podFromTemplate('default', name, template, { kind: 'ReplicaSet', name: 'web-abc' }),
    nodeName: 'node1',
    ...extra,
  };
}

describe('reconcileReplicaSet', () => {
  it('creates the missing pods as <rs>-<5 chars> with the template and extra labels', () => {
    const taken = new Set<string>();
    const r = reconcileReplicaSet(
      {
        namespace: 'default',
        name: 'web-abc',
        replicas: 3,
        template,
        extraLabels: { 'pod-template-hash': 'abc' },
      },
      [existing('web-abc-aaaaa')],
      taken,
    );
    expect(r.deleted).toEqual([]);
    expect(r.created).toHaveLength(2);
    expect(r.pods).toHaveLength(3);
    for (const p of r.created) {
      expect(p.name).toMatch(/^web-abc-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.labels).toEqual({ app: 'web', 'pod-template-hash': 'abc' });
      expect(p.owner).toEqual({ kind: 'ReplicaSet', name: 'web-abc' });
      expect(p.nodeName).toBeNull();
      expect(taken.has(`default/${p.name}`)).toBe(true);
    }
  });

  it('names new pods the same way every time, stable as replicas grow', () => {
    const two = reconcileReplicaSet(
      { namespace: 'default', name: 'web-abc', replicas: 2, template },
      [],
      new Set(),
    ).created.map((p) => p.name);
    const three = reconcileReplicaSet(
      { namespace: 'default', name: 'web-abc', replicas: 3, template },
      [],
      new Set(),
    ).created.map((p) => p.name);
    expect(three.slice(0, 2)).toEqual(two);
  });

  it('deletes surplus pods: unscheduled first, then not ready, then newest name first', () => {
    const pods = [
      existing('web-abc-b'),
      existing('web-abc-a'),
      existing('web-abc-c'),
      existing('web-abc-d', { ready: false }),
      existing('web-abc-e', { nodeName: null }),
    ];
    const r = reconcileReplicaSet(
      { namespace: 'default', name: 'web-abc', replicas: 2, template },
      pods,
      new Set(),
    );
    expect(r.deleted.map((p) => p.name)).toEqual(['web-abc-e', 'web-abc-d', 'web-abc-c']);
    expect(r.pods.map((p) => p.name)).toEqual(['web-abc-b', 'web-abc-a']);
  });

  it('does not count terminating pods toward replicas', () => {
    const r = reconcileReplicaSet(
      { namespace: 'default', name: 'web-abc', replicas: 1, template },
      [existing('web-abc-old', { terminating: true })],
      new Set(),
    );
    expect(r.created).toHaveLength(1);
    expect(r.pods).toHaveLength(2);
  });
});
