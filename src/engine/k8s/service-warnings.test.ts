import { describe, expect, it } from 'vitest';
import { compileObjects, deployment, lab, messages, pod, service } from './testing.ts';

const warnings = (...objects: unknown[]) =>
  messages(compileObjects(...objects).diagnostics, 'warning');

describe('Service hints', () => {
  it('a selector that matches no pods', () => {
    expect(
      warnings(
        service({
          clusterIP: '10.96.7.7',
          selector: { app: 'x' },
          ports: [
            { name: 'a', port: 80 },
            { name: 'b', port: 53, protocol: 'UDP' },
          ],
        }),
      ),
    ).toEqual([
      'selector app=x matches no pods: connections to 10.96.7.7:80, 10.96.7.7:53/UDP get no backend: kube-proxy writes a REJECT rule instead',
    ]);
    expect(warnings(service({ clusterIP: 'None', selector: { app: 'x' } }))).toEqual([
      'selector app=x matches no pods: the headless Service resolves to no addresses',
    ]);
  });

  it('a selector whose pods are not ready (or not running yet)', () => {
    expect(
      warnings(
        service({ clusterIP: '10.96.7.7' }),
        pod({ nodeName: 'node1', podIP: '10.44.0.5', ready: false }),
      ),
    ).toEqual([
      'selector app=web matches 1 pod but none is ready: connections to 10.96.7.7:80 get no backend: kube-proxy writes a REJECT rule instead',
    ]);
    const pending = warnings(
      lab({ workers: 0 }),
      service({ clusterIP: '10.96.7.7' }),
      deployment({ replicas: 2 }),
    );
    expect(pending).toContain(
      'selector app=web matches 2 pods but none is ready: connections to 10.96.7.7:80 get no backend: kube-proxy writes a REJECT rule instead',
    );
  });

  it('a named targetPort no selected pod declares', () => {
    const svc = service({
      clusterIP: '10.96.7.7',
      ports: [
        { name: 'web', port: 80, targetPort: 'http' },
        { name: 'ok', port: 81, targetPort: 'metrics' },
      ],
    });
    expect(
      warnings(svc, deployment({ ports: [{ name: 'metrics', containerPort: 9090 }] })),
    ).toEqual([
      'no pod matching app=web declares a TCP container port named "http": connections to 10.96.7.7:80 get no backend: kube-proxy writes a REJECT rule instead',
    ]);
  });

  it('nothing for healthy Services, Services without selector, or system objects', () => {
    expect(warnings(service(), deployment())).toEqual([]);
    expect(warnings(service({ selector: null }))).toEqual([]);
    expect(warnings()).toEqual([]);
  });

  it('points at the selector key', () => {
    const r = compileObjects(service({ selector: { app: 'x' } }));
    const d = r.diagnostics[0];
    expect(d?.line).toBe(6);
  });
});
