import { describe, expect, it } from 'vitest';
import type { DaemonSet } from './api-types.ts';
import { compileObjects, deployment, messages, pod } from './testing.ts';

function daemonSet(
  extra: {
    nodeSelector?: Record<string, string>;
    tolerateControlPlane?: boolean;
    hostNetwork?: boolean;
  } = {},
): DaemonSet {
  const d = deployment({
    name: 'agent',
    labels: { app: 'agent' },
    ...(extra.nodeSelector ? { nodeSelector: extra.nodeSelector } : {}),
  });
  const spec = d.spec?.template?.spec;
  if (spec && extra.tolerateControlPlane)
    spec.tolerations = [
      { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
    ];
  if (spec && extra.hostNetwork) spec.hostNetwork = true;
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: d.metadata,
    spec: { selector: d.spec?.selector, template: d.spec?.template },
  };
}

const agents = (r: ReturnType<typeof compileObjects>) =>
  r.cluster?.pods
    .filter((p) => p.owner?.name === 'agent')
    .map((p) => `${p.nodeName} ${p.ip}`)
    .sort();

describe('the DaemonSet controller', () => {
  it('runs one pod per untainted node, with pod-network addresses', () => {
    const r = compileObjects(daemonSet());
    expect(agents(r)).toEqual(['node1 10.44.0.1', 'node2 10.36.0.1']);
    expect(r.cluster?.workloads.find((w) => w.name === 'agent')).toMatchObject({
      desired: 2,
      current: 2,
      ready: 2,
    });
  });

  it('includes the control plane when the taint is tolerated, and uses node IPs with hostNetwork', () => {
    expect(
      agents(compileObjects(daemonSet({ tolerateControlPlane: true, hostNetwork: true }))),
    ).toEqual(['master 192.168.56.10', 'node1 192.168.56.11', 'node2 192.168.56.12']);
  });

  it('honours the nodeSelector', () => {
    expect(
      agents(compileObjects(daemonSet({ nodeSelector: { 'kubernetes.io/hostname': 'node2' } }))),
    ).toEqual(['node2 10.36.0.1']);
  });

  it('adopts a matching pod already on a node and deletes extra ones', () => {
    const r = compileObjects(
      daemonSet(),
      pod({ name: 'agent-x', labels: { app: 'agent' }, nodeName: 'node1', podIP: '10.44.0.9' }),
      pod({ name: 'agent-y', labels: { app: 'agent' }, nodeName: 'node1', podIP: '10.44.0.8' }),
    );
    expect(agents(r)).toEqual(['node1 10.44.0.9', 'node2 10.36.0.1']);
    expect(messages(r.diagnostics)).toEqual([
      'Pod "agent-y" is deleted by DaemonSet "agent": it already has its one pod on every node that fits',
    ]);
  });
});
