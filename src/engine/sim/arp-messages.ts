/**
 * The pod's ARP request as messages: who answered, or why nobody did, in the words of cni/l2.ts's
 * `reason` (rebuilt from the resolution's facts; note-text.test.ts holds them equal).
 */
import type { L2Owner, OnLinkResolution } from '../cni/l2.ts';
import type { NetNamespace } from '../cni/network-model.ts';
import { msg, type TraceMessage } from './trace-messages.ts';

/** Who answered the pod's ARP request, as a message. */
export function arpAnswerMsg(ip: string, owner: L2Owner | null): TraceMessage {
  if (!owner) return msg('arpNoAnswer', { ip });
  if (owner.kind === 'bridge') return msg('arpBridge', { ip, dev: owner.dev });
  if (owner.kind === 'pod' && owner.pod) {
    const pod = `${owner.pod.namespace}/${owner.pod.name}`;
    return owner.path === 'overlay'
      ? msg('arpPodOverlay', { ip, pod, node: owner.node ?? '' })
      : msg('arpPod', { ip, pod });
  }
  return msg('arpDev', { ip, dev: owner.dev });
}

/** Why nobody answered ARP for `ip` out of `dev` (the words of cni/l2.ts's `reason`). */
export function arpFailureMsg(
  ns: NetNamespace,
  dev: string,
  ip: string,
  r: OnLinkResolution,
): TraceMessage {
  switch (r.segment.kind) {
    case 'bridge': {
      const holders = r.elsewhere.map((h) => ({
        pod: h.pod ? `${h.pod.namespace}/${h.pod.name}` : null,
        dev: h.dev,
        node: h.node,
      }));
      return msg('docker0Nobody', { node: ns.node, ip, holders });
    }
    case 'weave':
      return msg('weaveNobody', { ip });
    case 'lan':
      return msg('lanNobody', { cidr: r.segment.cidr, ip });
    case 'none':
      return msg('notBroadcast', { dev, node: ns.node });
  }
}
