/**
 * kube-proxy's chain names (kube-proxy-iptables.md §2.1): a prefix plus the first 16 characters
 * of the RFC 4648 base32 encoding of SHA-256 over the service-port name, protocol token and,
 * for KUBE-SEP, the endpoint string.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { base32 } from '@scure/base';

// kube-proxy computes each name once per service port / endpoint and keeps it while the object
// is unchanged; podpath recompiles on every edit, so it remembers names the same way.
const cache = new Map<string, string>();
const CACHE_LIMIT = 500_000;

/** The UTF-8 bytes of `text`; plain ASCII (every real name) skips the encoder. */
function asciiOrUtf8(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return utf8ToBytes(text);
    bytes[i] = c;
  }
  return bytes;
}

/** H(s): first 16 base32 characters of sha256(s). */
export function portHash(text: string): string {
  let h = cache.get(text);
  if (h === undefined) {
    // 10 bytes of digest are exactly 16 base32 characters, with no padding.
    h = base32.encode(sha256(asciiOrUtf8(text)).subarray(0, 10));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, h);
  }
  return h;
}

/** Forgets remembered names (benchmarks measure cold runs with it). */
export function clearChainNameCache(): void {
  cache.clear();
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
  return 'KUBE-SEP-' + portHash(servicePortName + protocol + endpoint);
}

/** Prefixes of the per-service chains that kube-proxy deletes when they go stale (§4.8). */
export const SERVICE_CHAIN_PREFIXES = [
  'KUBE-SVC-',
  'KUBE-SVL-',
  'KUBE-EXT-',
  'KUBE-FW-',
  'KUBE-SEP-',
];
