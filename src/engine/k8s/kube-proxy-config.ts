/**
 * KubeProxyConfiguration → KubeProxySettings, with kube-proxy's own validation
 * (pkg/proxy/apis/config/validation) and kubeadm's defaults for what is left out.
 */
import { formatCidr, parseCidr } from '../net/ip.ts';
import type { KubeProxyConfiguration } from './api-types.ts';
import type { KubeProxySettings, SourceRef } from './cluster-model.ts';
import { invalid, notSupported, type FieldError } from './field-errors.ts';

/** kubeadm's kube-proxy defaults (iptables mode, no cluster CIDR with Weave). */
export const DEFAULT_KUBE_PROXY: KubeProxySettings = {
  mode: 'iptables',
  clusterCIDR: null,
  detectLocalMode: 'ClusterCIDR',
  bridgeInterface: null,
  interfaceNamePrefix: null,
  masqueradeAll: false,
  masqueradeBit: 14,
  localhostNodePorts: true,
  nodePortAddresses: [],
  conntrackTCPBeLiberal: false,
  featureGates: {},
};

const MODES = ['iptables', 'ipvs', 'nftables'];
const DETECT_LOCAL_MODES = ['ClusterCIDR', 'NodeCIDR', 'BridgeInterface', 'InterfaceNamePrefix'];
const ROOT = 'KubeProxyConfiguration';

/** kube-proxy's Validate(): each error means kube-proxy would refuse to start. */
export function validateKubeProxyConfiguration(c: KubeProxyConfiguration): FieldError[] {
  const errs: FieldError[] = [];
  if (c.mode && !MODES.includes(c.mode)) {
    errs.push(
      invalid(
        ['mode'],
        c.mode,
        `must be ${MODES.join(',')} or blank (blank means the best-known proxy for the operating system)`,
        {
          shown: `${ROOT}.Mode.ProxyMode`,
        },
      ),
    );
  }
  if (c.clusterCIDR) {
    const cidrs = c.clusterCIDR.split(',');
    if (cidrs.length > 2) {
      errs.push(
        invalid(
          ['clusterCIDR'],
          c.clusterCIDR,
          'only one CIDR allowed or a valid DualStack CIDR (e.g. 10.100.0.0/16,fde4:8dba:82e1::/48)',
          { shown: `${ROOT}.ClusterCIDR` },
        ),
      );
    } else {
      cidrs.forEach((cidr, i) => {
        if (!parseCidr(cidr.trim())) {
          errs.push(
            invalid(
              ['clusterCIDR'],
              cidr,
              'must be a valid CIDR block (e.g. 10.100.0.0/16 or fde4:8dba:82e1::/48)',
              { shown: `${ROOT}.ClusterCIDR[${i}]` },
            ),
          );
        }
      });
    }
  }
  const bit = c.iptables?.masqueradeBit;
  if (bit !== undefined && (bit < 0 || bit > 31)) {
    errs.push(
      invalid(['iptables', 'masqueradeBit'], bit, 'must be within the range [0, 31]', {
        shown: `${ROOT}.KubeProxyIPTablesConfiguration.MasqueradeBit`,
      }),
    );
  }
  const mode = c.detectLocalMode ?? '';
  if (mode && !DETECT_LOCAL_MODES.includes(mode)) {
    errs.push(
      notSupported(['detectLocalMode'], mode, [...DETECT_LOCAL_MODES, ''], {
        shown: `${ROOT}.DetectLocalMode`,
      }),
    );
  }
  if (mode === 'BridgeInterface' && !c.detectLocal?.bridgeInterface) {
    errs.push(
      invalid(['detectLocal', 'bridgeInterface'], '', 'must not be empty', {
        shown: `${ROOT}.InterfaceName`,
      }),
    );
  }
  if (mode === 'InterfaceNamePrefix' && !c.detectLocal?.interfaceNamePrefix) {
    errs.push(
      invalid(['detectLocal', 'interfaceNamePrefix'], '', 'must not be empty', {
        shown: `${ROOT}.InterfacePrefix`,
      }),
    );
  }
  // `primary` (the node's own IPs) stands alone; every other entry is a CIDR. As kube-proxy's
  // validation, the first `primary` ends the check.
  const addresses = c.nodePortAddresses ?? [];
  for (let i = 0; i < addresses.length; i++) {
    const address = addresses[i]!;
    const at = { shown: `${ROOT}.NodePortAddresses[${i}]` };
    if (address === 'primary') {
      if (i !== 0 || addresses.length !== 1)
        errs.push(
          invalid(['nodePortAddresses', i], address, "can't use both 'primary' and CIDRs", at),
        );
      break;
    }
    if (!parseCidr(address))
      errs.push(invalid(['nodePortAddresses', i], address, 'must be a valid CIDR', at));
  }
  return errs;
}

/** Settings from a valid KubeProxyConfiguration (CIDRs printed canonically), defaults for the rest. */
export function kubeProxySettings(
  c: KubeProxyConfiguration | undefined,
  source?: SourceRef,
): KubeProxySettings {
  if (!c) return DEFAULT_KUBE_PROXY;
  const d = DEFAULT_KUBE_PROXY;
  const canonical = (text: string) => {
    const parsed = parseCidr(text.trim());
    return parsed ? formatCidr(parsed) : text.trim();
  };
  const clusterCIDR = c.clusterCIDR ? c.clusterCIDR.split(',').map(canonical).join(',') : null;
  return {
    mode: (c.mode || d.mode) as KubeProxySettings['mode'],
    clusterCIDR,
    detectLocalMode: (c.detectLocalMode ||
      d.detectLocalMode) as KubeProxySettings['detectLocalMode'],
    bridgeInterface: c.detectLocal?.bridgeInterface || null,
    interfaceNamePrefix: c.detectLocal?.interfaceNamePrefix || null,
    masqueradeAll: c.iptables?.masqueradeAll ?? d.masqueradeAll,
    masqueradeBit: c.iptables?.masqueradeBit ?? d.masqueradeBit,
    localhostNodePorts: c.iptables?.localhostNodePorts ?? d.localhostNodePorts,
    nodePortAddresses: (c.nodePortAddresses ?? []).map((a) => (a === 'primary' ? a : canonical(a))),
    conntrackTCPBeLiberal: c.conntrack?.tcpBeLiberal ?? d.conntrackTCPBeLiberal,
    featureGates: { ...(c.featureGates ?? {}) },
    ...(source ? { source: { file: source.file, from: source.from, to: source.to } } : {}),
  };
}
