/**
 * kube-proxy's chain names (kube-proxy-iptables.md §2.1): a prefix plus the first 16 characters
 * of the RFC 4648 base32 encoding of SHA-256 over the service-port name, protocol token and,
 * for KUBE-SEP, the endpoint string.
 */
import { chainHash } from './chain-hash.ts';

// kube-proxy computes each name once per service port / endpoint and keeps it while the object
// is unchanged; podpath recompiles on every edit, so it remembers names the same way: port
// hashes by `portName + protocol`, endpoint chain names by that and then by endpoint string (a
// sync looks up a port once and its endpoints by strings it already has).
const portHashes = new Map<string, string>();
const endpointNames = new Map<string, Map<string, string>>();
const CACHE_LIMIT = 500_000;
let remembered = 0;

/** Counts one more remembered name; forgets them all past the limit. */
function remember(): void {
  if (++remembered > CACHE_LIMIT) clearChainNameCache();
}

/** H(s): first 16 base32 characters of sha256(s). */
export function portHash(text: string): string {
  let hash = portHashes.get(text);
  if (hash === undefined) {
    remember();
    hash = chainHash('', text);
    portHashes.set(text, hash);
  }
  return hash;
}

/** Forgets remembered names (benchmarks measure cold runs with it). */
export function clearChainNameCache(): void {
  portHashes.clear();
  endpointNames.clear();
  remembered = 0;
}

/**
 * The KUBE-SEP chain name of each endpoint string of one service port: a function that hashes
 * `servicePortName + protocol + endpoint` (§2.1), remembering the names.
 */
export function endpointChainNamer(
  servicePortName: string,
  protocol: string,
): (endpoint: string) => string {
  const port = servicePortName + protocol;
  let names = endpointNames.get(port);
  if (!names) endpointNames.set(port, (names = new Map()));
  const known = names;
  return (endpoint) => {
    let name = known.get(endpoint);
    if (name === undefined) {
      remember();
      name = chainHash('KUBE-SEP-', port + endpoint);
      known.set(endpoint, name);
    }
    return name;
  };
}

/** The 16-character suffix shared by a port's KUBE-SVC/SVL/EXT/FW chains. */
export function servicePortChainSuffix(servicePortName: string, protocol: string): string {
  return portHash(servicePortName + protocol);
}

export function serviceChainName(servicePortName: string, protocol: string): string {
  return 'KUBE-SVC-' + servicePortChainSuffix(servicePortName, protocol);
}

export function localServiceChainName(servicePortName: string, protocol: string): string {
  return 'KUBE-SVL-' + servicePortChainSuffix(servicePortName, protocol);
}

export function externalChainName(servicePortName: string, protocol: string): string {
  return 'KUBE-EXT-' + servicePortChainSuffix(servicePortName, protocol);
}

export function firewallChainName(servicePortName: string, protocol: string): string {
  return 'KUBE-FW-' + servicePortChainSuffix(servicePortName, protocol);
}

export function endpointChainName(
  servicePortName: string,
  protocol: string,
  endpoint: string,
): string {
  return endpointChainNamer(servicePortName, protocol)(endpoint);
}

/** Prefixes of the per-service chains that kube-proxy deletes when they go stale (§4.8). */
export const SERVICE_CHAIN_PREFIXES = [
  'KUBE-SVC-',
  'KUBE-SVL-',
  'KUBE-EXT-',
  'KUBE-FW-',
  'KUBE-SEP-',
];
