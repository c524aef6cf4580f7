/**
 * Deterministic stand-ins for the names and MACs a real node makes up at random (veth names,
 * locally administered MACs, Weave peer names), so the same YAML always shows the same node.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { parseIpv4 } from '../net/ip.ts';
import type { PodRef } from './network-model.ts';

function digest(seed: string): Uint8Array {
  return sha256(utf8ToBytes(seed));
}

function macOf(bytes: ArrayLike<number>): string {
  return Array.from({ length: 6 }, (_, i) => (bytes[i] ?? 0).toString(16).padStart(2, '0')).join(
    ':',
  );
}

/** `namespace/name`. */
export function podKey(pod: PodRef): string {
  return `${pod.namespace}/${pod.name}`;
}

/** A locally administered unicast MAC derived from `seed` (what the kernel would pick at random). */
export function localMac(seed: string): string {
  const d = digest(`mac:${seed}`);
  return macOf([((d[0] ?? 0) & 0xfc) | 0x02, ...d.subarray(1, 6)]);
}

/** A VirtualBox NIC MAC (OUI 08:00:27), as the lab's VMs have on eth0. */
export function nicMac(seed: string): string {
  const d = digest(`nic:${seed}`);
  return macOf([0x08, 0x00, 0x27, d[0] ?? 0, d[1] ?? 0, d[2] ?? 0]);
}

/** Docker ≤ 27: `02:42` followed by the container's IPv4 octets (172.17.0.2 → 02:42:ac:11:00:02). */
export function dockerMac(ip: string): string {
  const parsed = parseIpv4(ip);
  const v = parsed?.family === 4 ? parsed.value : 0;
  return macOf([0x02, 0x42, (v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]);
}

/** Seven hex characters for a pod, standing in for its sandbox (container) ID. */
export function sandboxIdPrefix(pod: PodRef): string {
  return bytesToHex(digest(`sandbox:${podKey(pod)}`)).slice(0, 7);
}

/** Weave's host-side veth: `vethwepl` + the first 7 characters of the sandbox ID. */
export function weaveVethName(pod: PodRef): string {
  return `vethwepl${sandboxIdPrefix(pod)}`;
}

/** Docker's host-side veth: `veth` + 7 random hex characters. */
export function dockerVethName(pod: PodRef): string {
  return `veth${bytesToHex(digest(`docker-veth:${podKey(pod)}`)).slice(0, 7)}`;
}

/** A Weave peer name (MAC-like, derived from the machine id on a real node). */
export function weavePeerName(node: string): string {
  return localMac(`weave-peer:${node}`);
}

/** A 12-bit number derived from `seed` (Weave picks short ids at random). */
export function shortIdSeed(seed: string): number {
  const d = digest(`short-id:${seed}`);
  return (((d[0] ?? 0) << 8) | (d[1] ?? 0)) & 0xfff;
}
