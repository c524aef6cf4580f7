import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileManifests } from '../k8s/compile.ts';
import { buildNetwork } from './build-network.ts';
import { findNode } from './find.ts';
import type { EthernetFrame } from './vxlan.ts';
import { overlayPath } from './overlay-path.ts';
import { flowSourcePort, frameLength, vxlanDecapsulate, vxlanEncapsulate } from './vxlan.ts';
import { splitWeaveVni, weaveVni } from './weave-vni.ts';

function network(name: string) {
  const file = join(import.meta.dirname, '../../../scenarios', name, 'scenario.yaml');
  const cluster = compileManifests([
    { name: 'scenario.yaml', text: readFileSync(file, 'utf8') },
  ]).cluster;
  if (!cluster) throw new Error(`${name} does not compile`);
  return buildNetwork(cluster);
}

const WEAVE = network('article');
const DOCKER = network('docker-only');
const master = findNode(WEAVE, 'master')!;
const node2 = findNode(WEAVE, 'node2')!;

/** CoreDNS 10.32.0.2 on master → nginx 10.36.0.1:80 on node2, a 60-byte TCP SYN. */
const FRAME: EthernetFrame<{ readonly id: string }> = {
  srcMac: master.bridge.ports[0]!.mac!,
  dstMac: node2.bridge.ports[0]!.mac!,
  ipLength: 60,
  flow: { src: '10.32.0.2', dst: '10.36.0.1', protocol: 'tcp', srcPort: 41234, dstPort: 80 },
  payload: { id: 'syn' },
};

describe('Weave VNI', () => {
  test('(destination short id << 12) | source short id, 24 bits', () => {
    expect(weaveVni(0xabc, 0x123)).toBe(0xabc123);
    expect(splitWeaveVni(0xabc123)).toEqual({ dst: 0xabc, src: 0x123 });
    expect(weaveVni(0x1fff, 0x1001)).toBe(0xfff001);
  });
});

describe('overlayPath', () => {
  test('Weave: fastdp between node InternalIPs on UDP 6784', () => {
    const path = overlayPath(WEAVE, 'master', 'node2');
    expect(path).toMatchObject({
      kind: 'fastdp',
      src: '192.168.56.10',
      dst: '192.168.56.12',
      port: 6784,
      vni: weaveVni(node2.weavePeer!.shortId, master.weavePeer!.shortId),
    });
    const back = overlayPath(WEAVE, 'node2', 'master');
    expect(back.kind === 'fastdp' && splitWeaveVni(back.vni)).toEqual({
      dst: master.weavePeer!.shortId,
      src: node2.weavePeer!.shortId,
    });
  });

  test('no overlay inside one node, to an unknown node, or with Docker', () => {
    expect(overlayPath(WEAVE, 'node2', 'node2')).toMatchObject({ kind: 'none' });
    expect(overlayPath(WEAVE, 'node2', 'node9')).toEqual({
      kind: 'none',
      reason: 'no node named node9',
    });
    const docker = overlayPath(DOCKER, 'node1', 'node2');
    expect(docker.kind).toBe('none');
    expect(docker.kind === 'none' && docker.reason).toBe(
      "Docker has no overlay: node1's docker0 (172.17.0.1/16) is a bridge local to node1, and node2 " +
        'uses the same subnet for its own containers, so no route or ARP can reach a container on ' +
        "node2; only node2's own address 192.168.56.12 (a published port) is reachable",
    );
  });
});

describe('vxlanEncapsulate / vxlanDecapsulate', () => {
  const r = vxlanEncapsulate(WEAVE, 'master', 'node2', FRAME);
  if (!r.ok) throw new Error(r.reason);
  const packet = r.packet;

  test('outer headers: node to node, UDP 6784, VNI, 50 bytes of overhead', () => {
    expect(packet.outer).toEqual({
      srcMac: master.mac,
      dstMac: node2.mac,
      src: '192.168.56.10',
      dst: '192.168.56.12',
      ttl: 64,
      ipLength: 60 + 14 + 8 + 8 + 20,
    });
    expect(packet.udp.dstPort).toBe(6784);
    expect(packet.udp.length).toBe(8 + 8 + frameLength(60));
    expect(packet.vxlan).toEqual({
      flags: 0x08,
      vni: (node2.weavePeer!.shortId << 12) | master.weavePeer!.shortId,
    });
    expect(packet.wireLength).toBe(frameLength(60) + 50);
    expect(packet.wireLength).toBe(14 + packet.outer.ipLength);
  });

  test('the inner frame is carried unchanged', () => {
    expect(packet.inner).toBe(FRAME);
  });

  test('the UDP source port is a deterministic hash of the inner flow in the ephemeral range', () => {
    expect(packet.udp.srcPort).toBe(flowSourcePort(FRAME.flow));
    expect(packet.udp.srcPort).toBeGreaterThanOrEqual(32768);
    expect(packet.udp.srcPort).toBeLessThan(60999);
    const other = flowSourcePort({ ...FRAME.flow, srcPort: 41235 });
    expect(other).not.toBe(packet.udp.srcPort);
  });

  test('decapsulation on the destination node gives back the frame and the sender', () => {
    expect(vxlanDecapsulate(WEAVE, 'node2', packet)).toEqual({
      ok: true,
      frame: FRAME,
      from: 'master',
    });
  });

  test('decapsulation elsewhere, on another port or with a wrong VNI is refused', () => {
    expect(vxlanDecapsulate(WEAVE, 'node1', packet)).toMatchObject({ ok: false });
    expect(
      vxlanDecapsulate(WEAVE, 'node2', { ...packet, udp: { ...packet.udp, dstPort: 6783 } }),
    ).toMatchObject({ ok: false, reason: "UDP port 6783 is not Weave's VXLAN port" });
    const wrongVni = {
      ...packet,
      vxlan: { ...packet.vxlan, vni: weaveVni(node2.weavePeer!.shortId + 1, 1) },
    };
    expect(vxlanDecapsulate(WEAVE, 'node2', wrongVni)).toMatchObject({ ok: false });
  });

  test('inner packets above the pod MTU (1376) do not fit', () => {
    expect(vxlanEncapsulate(WEAVE, 'master', 'node2', { ...FRAME, ipLength: 1376 }).ok).toBe(true);
    expect(vxlanEncapsulate(WEAVE, 'master', 'node2', { ...FRAME, ipLength: 1377 })).toMatchObject({
      ok: false,
      reason: 'the inner packet (1377 bytes) is larger than the pod MTU 1376',
    });
  });

  test('Docker cannot encapsulate: the reason says why', () => {
    const docker = vxlanEncapsulate(DOCKER, 'node1', 'node2', FRAME);
    expect(docker.ok).toBe(false);
    expect(!docker.ok && docker.reason).toMatch(/^Docker has no overlay/);
  });
});
