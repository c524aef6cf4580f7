import { describe, expect, it } from 'vitest';
import type { Pod, ReplicaSet } from './api-types.ts';
import { compileObjects, deployment, messages, pod } from './testing.ts';

function pasted(name: string, hash: string, nodeName: string, podIP: string): Pod {
  const p = pod({ name, nodeName, podIP, labels: { app: 'web', 'pod-template-hash': hash } });
  if (p.metadata)
    p.metadata.ownerReferences = [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `web-${hash}`, controller: true },
    ];
  return p;
}

const userPods = (r: ReturnType<typeof compileObjects>) =>
  r.cluster?.pods.filter((p) => p.namespace === 'default') ?? [];
const userWorkloads = (r: ReturnType<typeof compileObjects>) =>
  r.cluster?.workloads
    .filter((w) => w.namespace === 'default')
    .map((w) => `${w.kind} ${w.name} ${w.desired}/${w.current}/${w.ready}`);

describe('the Deployment controller', () => {
  it('computes a pod-template-hash from the template: same template, same hash; new template, new hash', () => {
    const a = userWorkloads(compileObjects(deployment()));
    expect(a?.[1]).toMatch(/^ReplicaSet web-[bcdf4-9]{8,10} 2\/2\/2$/);
    expect(userWorkloads(compileObjects(deployment()))).toEqual(a);
    expect(userWorkloads(compileObjects(deployment({ image: 'nginx:1.28' })))?.[1]).not.toBe(
      a?.[1],
    );
    expect(userWorkloads(compileObjects(deployment({ replicas: 5 })))?.[1]?.split(' ')[1]).toBe(
      a?.[1]?.split(' ')[1],
    );
    const withEnv = deployment();
    const container = withEnv.spec?.template?.spec?.containers?.[0] as
      Record<string, unknown> | undefined;
    if (container) container['env'] = [{ name: 'MODE', value: 'blue' }];
    expect(userWorkloads(compileObjects(withEnv))?.[1]).not.toBe(a?.[1]);
  });

  it('adopts pasted pods carrying a pod-template-hash and uses their hash', () => {
    const r = compileObjects(
      deployment({ replicas: 3 }),
      pasted('web-7c9d8f6b5-aaaaa', '7c9d8f6b5', 'node2', '10.36.0.7'),
    );
    expect(userWorkloads(r)).toEqual(['Deployment web 3/3/3', 'ReplicaSet web-7c9d8f6b5 3/3/3']);
    expect(
      userPods(r).map((p) => [p.name.startsWith('web-7c9d8f6b5-'), p.labels['pod-template-hash']]),
    ).toEqual(Array(3).fill([true, '7c9d8f6b5']));
    expect(userPods(r).find((p) => p.name === 'web-7c9d8f6b5-aaaaa')).toMatchObject({
      nodeName: 'node2',
      ip: '10.36.0.7',
    });
  });

  it('takes the hash from a pasted ReplicaSet it owns', () => {
    const rs: ReplicaSet = {
      ...deployment(),
      kind: 'ReplicaSet',
      metadata: {
        name: 'web-5d4c8b7f9',
        labels: { app: 'web', 'pod-template-hash': '5d4c8b7f9' },
        ownerReferences: [{ kind: 'Deployment', name: 'web', controller: true }],
      },
    };
    if (rs.spec)
      rs.spec = {
        ...rs.spec,
        selector: { matchLabels: { app: 'web', 'pod-template-hash': '5d4c8b7f9' } },
      };
    if (rs.spec?.template?.metadata)
      rs.spec.template.metadata.labels = { app: 'web', 'pod-template-hash': '5d4c8b7f9' };
    const r = compileObjects(deployment(), rs);
    expect(messages(r.diagnostics)).toEqual([]);
    expect(userWorkloads(r)).toEqual(['Deployment web 2/2/2', 'ReplicaSet web-5d4c8b7f9 2/2/2']);
  });

  it('deletes pods of an old revision, and lists the old ReplicaSet scaled to 0', () => {
    const r = compileObjects(
      deployment({ replicas: 1 }),
      pasted('web-aaa-11111', 'aaa', 'node1', '10.44.0.5'),
      pasted('web-bbb-22222', 'bbb', 'node1', '10.44.0.6'),
    );
    expect(userPods(r).map((p) => p.name)).toEqual(['web-aaa-11111']);
    expect(userWorkloads(r)).toEqual([
      'Deployment web 1/1/1',
      'ReplicaSet web-aaa 1/1/1',
      'ReplicaSet web-bbb 0/0/0',
    ]);
    expect(messages(r.diagnostics)).toEqual([
      'Pod "web-bbb-22222" belongs to ReplicaSet "web-bbb", an old revision of Deployment "web" scaled down to 0: the pod is deleted',
    ]);
  });

  it('leaves pods without a pod-template-hash alone (the ReplicaSet selector needs it)', () => {
    const r = compileObjects(deployment({ replicas: 1 }), pod({ name: 'bare', nodeName: 'node1' }));
    expect(userPods(r).map((p) => [p.name === 'bare', p.owner?.kind ?? null])).toEqual(
      expect.arrayContaining([
        [true, null],
        [false, 'ReplicaSet'],
      ]),
    );
    expect(userPods(r)).toHaveLength(2);
  });

  it('scales to zero', () => {
    const r = compileObjects(deployment({ replicas: 0 }));
    expect(userPods(r)).toEqual([]);
    expect(userWorkloads(r)?.[0]).toBe('Deployment web 0/0/0');
  });

  it('runs standalone ReplicaSets, adopting orphan pods their selector matches', () => {
    const rs: ReplicaSet = {
      ...deployment({ name: 'solo', replicas: 2, labels: { app: 'solo' } }),
      kind: 'ReplicaSet',
    };
    const r = compileObjects(
      rs,
      pod({ name: 'orphan', labels: { app: 'solo' }, nodeName: 'node2', podIP: '10.36.0.9' }),
    );
    expect(userWorkloads(r)).toEqual(['ReplicaSet solo 2/2/2']);
    expect(
      userPods(r).map((p) => [p.name === 'orphan' || p.name.startsWith('solo-'), p.owner?.name]),
    ).toEqual(Array(2).fill([true, 'solo']));
  });
});
