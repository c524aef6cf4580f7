import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileManifests } from '../k8s/compile.ts';
import { buildNetwork } from './build-network.ts';
import { findNode } from './find.ts';
import { formatIpAddr, formatIpLink } from './format-links.ts';

function network(name: string) {
  const file = join(import.meta.dirname, '../../../scenarios', name, 'scenario.yaml');
  const cluster = compileManifests([
    { name: 'scenario.yaml', text: readFileSync(file, 'utf8') },
  ]).cluster;
  if (!cluster) throw new Error(`${name} does not compile`);
  return buildNetwork(cluster);
}

const node2 = findNode(network('article'), 'node2')!;
const dockerNode1 = findNode(network('docker-only'), 'node1')!;

describe('ip -4 addr', () => {
  test("node2's host namespace: lo, eth0 and the weave bridge", () => {
    expect(formatIpAddr(node2.host)).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n' +
        '    inet 127.0.0.1/8 scope host lo\n' +
        '       valid_lft forever preferred_lft forever\n' +
        '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n' +
        '    inet 192.168.56.12/24 brd 192.168.56.255 scope global eth0\n' +
        '       valid_lft forever preferred_lft forever\n' +
        '5: weave: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1376 qdisc noqueue state UP group default qlen 1000\n' +
        '    inet 10.36.0.0/12 brd 10.47.255.255 scope global weave\n' +
        '       valid_lft forever preferred_lft forever\n',
    );
  });

  test('a Weave pod: eth0@ifN with the pod IP /12', () => {
    const pod = node2.pods[0]!;
    const peer = node2.host.interfaces.find((i) => i.name === node2.bridge.ports[0]!.dev)!;
    expect(formatIpAddr(pod)).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n' +
        '    inet 127.0.0.1/8 scope host lo\n' +
        '       valid_lft forever preferred_lft forever\n' +
        `10: eth0@if${peer.index}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1376 qdisc noqueue state UP group default \n` +
        '    inet 10.36.0.1/12 brd 10.47.255.255 scope global eth0\n' +
        '       valid_lft forever preferred_lft forever\n',
    );
  });

  test('Docker (datapath.md §1.6): docker0 172.17.0.1/16', () => {
    expect(formatIpAddr(dockerNode1.host)).toContain(
      '3: docker0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n' +
        '    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0\n',
    );
  });
});

describe('ip link', () => {
  test("Weave's devices on node2", () => {
    const lines = formatIpLink(node2.host).split('\n');
    const mac = (name: string) => node2.host.interfaces.find((i) => i.name === name)!.mac;
    expect(lines.slice(4, 14)).toEqual([
      '3: datapath: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1376 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000',
      `    link/ether ${mac('datapath')} brd ff:ff:ff:ff:ff:ff`,
      '5: weave: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1376 qdisc noqueue state UP mode DEFAULT group default qlen 1000',
      `    link/ether ${mac('weave')} brd ff:ff:ff:ff:ff:ff`,
      '7: vethwe-datapath@vethwe-bridge: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1376 qdisc noqueue master datapath state UP mode DEFAULT group default ',
      `    link/ether ${mac('vethwe-datapath')} brd ff:ff:ff:ff:ff:ff`,
      '8: vethwe-bridge@vethwe-datapath: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1376 qdisc noqueue master weave state UP mode DEFAULT group default ',
      `    link/ether ${mac('vethwe-bridge')} brd ff:ff:ff:ff:ff:ff`,
      '9: vxlan-6784: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 65535 qdisc noqueue master datapath state UNKNOWN mode DEFAULT group default qlen 1000',
      `    link/ether ${mac('vxlan-6784')} brd ff:ff:ff:ff:ff:ff`,
    ]);
    const port = node2.bridge.ports[1]!;
    expect(lines).toContain(
      `13: ${port.dev}@if12: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1376 qdisc noqueue master weave state UP mode DEFAULT group default `,
    );
  });

  test('a Docker pod: the MAC Docker ≤ 27 derives from the IP', () => {
    expect(formatIpLink(dockerNode1.pods[0]!)).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n' +
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' +
        '4: eth0@if5: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default \n' +
        '    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n',
    );
  });
});
