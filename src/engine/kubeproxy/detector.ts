/** Match fragments of the local-traffic detector (kube-proxy-iptables.md §1.4). */
import { formatCidr, parseCidr } from '../net/ip.ts';
import type { LocalDetector } from './config.ts';

export interface DetectorFragments {
  /** e.g. `-s 10.0.0.0/8`; null when the detector is not implemented. */
  readonly isLocal: string | null;
  /** e.g. `! -s 10.0.0.0/8`. */
  readonly isNotLocal: string | null;
}

export function detectorFragments(detector: LocalDetector): DetectorFragments {
  switch (detector.mode) {
    case 'ClusterCIDR':
    case 'NodeCIDR': {
      const cidr = parseCidr(detector.cidr);
      if (!cidr) return { isLocal: null, isNotLocal: null };
      const text = formatCidr(cidr);
      return { isLocal: `-s ${text}`, isNotLocal: `! -s ${text}` };
    }
    case 'BridgeInterface':
      return { isLocal: `-i ${detector.bridge}`, isNotLocal: `! -i ${detector.bridge}` };
    case 'InterfaceNamePrefix':
      return { isLocal: `-i ${detector.prefix}+`, isNotLocal: `! -i ${detector.prefix}+` };
    case 'None':
      return { isLocal: null, isNotLocal: null };
  }
}
