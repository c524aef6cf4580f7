/**
 * The bench's synthetic cluster: N ClusterIP Services `10.96.x.y:80/TCP`, each with `perService`
 * ready endpoints `10.32+.x.y:8080` spread over 4 nodes (the same shape as bench section `rules`).
 */
import type { EndpointSlice, Service } from '../../src/engine/index.ts';

/** The cluster IP of synthetic Service `i`. */
export function clusterIpOf(i: number): string {
  return `10.${96 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;
}

/** Endpoint `k` of synthetic Service `i`. */
export function endpointIpOf(i: number, k: number, perService: number): string {
  const n = i * perService + k;
  return `10.${32 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
}

/** N ClusterIP Services with `perService` ready endpoints each, spread over 4 nodes. */
export function syntheticCluster(services: number, perService: number) {
  const svcs: Service[] = [];
  const slices: EndpointSlice[] = [];
  for (let i = 0; i < services; i++) {
    const name = `svc-${i}`;
    svcs.push({
      metadata: { namespace: 'bench', name },
      spec: {
        type: 'ClusterIP',
        clusterIP: clusterIpOf(i),
        ports: [{ name: 'http', protocol: 'TCP', port: 80 }],
      },
    });
    slices.push({
      metadata: {
        namespace: 'bench',
        name: `${name}-x`,
        labels: { 'kubernetes.io/service-name': name },
      },
      addressType: 'IPv4',
      ports: [{ name: 'http', protocol: 'TCP', port: 8080 }],
      endpoints: Array.from({ length: perService }, (_, k) => {
        const n = i * perService + k;
        return {
          addresses: [endpointIpOf(i, k, perService)],
          conditions: { ready: true },
          nodeName: `node${(n % 4) + 1}`,
        };
      }),
    });
  }
  return { services: svcs, endpointSlices: slices };
}
