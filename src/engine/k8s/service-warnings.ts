/**
 * podpath's own hints about Services that will not carry traffic: a selector matching no pods
 * (or no ready pod), a named targetPort that no selected pod declares.
 */
import { joinHostPort } from '../net/ip.ts';
import type { ClusterPod } from './cluster-model.ts';
import { managesSlices, resolveTargetPort, selectedPods } from './endpointslice-controller.ts';
import { formatLabels } from './labels.ts';
import { podsMatching } from './pod-index.ts';
import { guarded, type Reporter } from './report.ts';
import type { Resource } from './resources.ts';

/**
 * What the Service's clients get, port by port (or the headless consequence). Not "refused":
 * the REJECT sits in kube-proxy's filter chains, which a pod's packet behind Weave Net never
 * reaches (Weave's FORWARD ACCEPT comes first), so that client times out instead.
 */
function consequence(svc: Resource<'Service'>, portIndexes?: readonly number[]): string {
  const spec = svc.object.spec ?? {};
  const ip = spec.clusterIP;
  if (!ip || ip === 'None') return 'the headless Service resolves to no addresses';
  const ports = (spec.ports ?? []).filter((_, i) => !portIndexes || portIndexes.includes(i));
  const targets = ports.map(
    (p) =>
      `${joinHostPort(ip, p.port ?? 0)}${p.protocol && p.protocol !== 'TCP' ? `/${p.protocol}` : ''}`,
  );
  return `connections to ${targets.join(', ')} get no backend: kube-proxy writes a REJECT rule instead`;
}

/** The hints about one Service (with a selector, from the input). */
function warnAboutService(
  svc: Resource<'Service'>,
  pods: readonly ClusterPod[],
  reporter: Reporter,
): void {
  const selector = formatLabels(svc.object.spec?.selector ?? {});
  const matching = podsMatching(pods, svc.namespace, svc.object.spec?.selector ?? {});
  const selected = selectedPods(svc, pods);
  const atSelector = (message: string) =>
    reporter.report(svc.source, ['spec', 'selector'], 'warning', message, { key: true });
  if (matching.length === 0) {
    atSelector(`selector ${selector} matches no pods: ${consequence(svc)}`);
    return;
  }
  const publish = Boolean(svc.object.spec?.publishNotReadyAddresses);
  if (!selected.some((p) => (publish || p.ready) && !p.terminating)) {
    const n = matching.length;
    atSelector(
      `selector ${selector} matches ${n} pod${n === 1 ? '' : 's'} but none is ready: ${consequence(svc)}`,
    );
  }
  (svc.object.spec?.ports ?? []).forEach((port, i) => {
    if (typeof port.targetPort !== 'string' || selected.length === 0) return;
    if (selected.some((p) => resolveTargetPort(port, p) !== null)) return;
    const protocol = port.protocol ?? 'TCP';
    const message = `no pod matching ${selector} declares a ${protocol} container port named ${JSON.stringify(port.targetPort)}: ${consequence(svc, [i])}`;
    reporter.warning(svc.source, ['spec', 'ports', i, 'targetPort'], message);
  });
}

export function warnAboutServices(
  services: readonly Resource<'Service'>[],
  pods: readonly ClusterPod[],
  reporter: Reporter,
): void {
  for (const svc of services) {
    if (!svc.source || !managesSlices(svc)) continue;
    guarded(reporter, svc.source, 'Service checks', () => warnAboutService(svc, pods, reporter));
  }
}
