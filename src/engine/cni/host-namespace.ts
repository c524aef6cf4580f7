/**
 * A node's host network namespace. Weave (bridged fastdp, datapath.md §4.2): `lo`, `eth0`,
 * `datapath` (the ODP datapath), `weave` (the bridge, MTU 1376, the node's first IPAM address
 * /12), the `vethwe-datapath`/`vethwe-bridge` pair joining them, the `vxlan-6784` vport, and a
 * hairpin `vethwepl…` port per pod. Docker (§1.1–1.2): `lo`, `eth0`, `docker0` 172.17.0.1/16 and
 * a `veth…` port per pod. Interface numbers follow a fresh node (gaps are the temporary devices
 * Weave creates and deletes while setting up).
 */
import type { ClusterModel, ClusterNode } from '../k8s/cluster-model.ts';
import { kernelRoutes } from '../routing/kernel-routes.ts';
import { route } from '../routing/route.ts';
import { globalAddress } from './addresses.ts';
import {
  ETHERNET_MTU,
  NODE_LAN_PREFIX,
  WEAVE_MTU,
  WEAVE_VXLAN_DEV,
  WEAVE_VXLAN_DEV_MTU,
} from './constants.ts';
import { localMac, nicMac } from './identifiers.ts';
import { addressesOf, link, loopback, NO_CARRIER_FLAGS } from './links.ts';
import type { NetInterface, NetNamespace, PodRef } from './network-model.ts';
import type { PodSandbox } from './sandboxes.ts';

/** Weave's own devices on a node, from `datapath` (ifindex 3) to `vxlan-6784` (9). */
function weaveDevices(node: ClusterNode): NetInterface[] {
  const mac = (dev: string) => localMac(`${dev}:${node.name}`);
  return [
    link({
      index: 3,
      name: 'datapath',
      kind: 'openvswitch',
      mac: mac('datapath'),
      mtu: WEAVE_MTU,
      state: 'UNKNOWN',
      qlen: 1000,
    }),
    link({
      index: 5,
      name: 'weave',
      kind: 'bridge',
      mac: mac('weave'),
      mtu: WEAVE_MTU,
      qlen: 1000,
      addresses: [globalAddress('weave', node.bridge.ip, node.bridge.prefix)],
    }),
    link({
      index: 7,
      name: 'vethwe-datapath',
      kind: 'veth',
      mac: mac('vethwe-datapath'),
      mtu: WEAVE_MTU,
      master: 'datapath',
      peer: { index: 8, name: 'vethwe-bridge', netnsId: null },
    }),
    link({
      index: 8,
      name: 'vethwe-bridge',
      kind: 'veth',
      mac: mac('vethwe-bridge'),
      mtu: WEAVE_MTU,
      master: 'weave',
      peer: { index: 7, name: 'vethwe-datapath', netnsId: null },
    }),
    link({
      index: 9,
      name: WEAVE_VXLAN_DEV,
      kind: 'vxlan',
      mac: mac(WEAVE_VXLAN_DEV),
      mtu: WEAVE_VXLAN_DEV_MTU,
      master: 'datapath',
      state: 'UNKNOWN',
      qlen: 1000,
    }),
  ];
}

/** `docker0` (ifindex 3): without a container it has no carrier and its routes show `linkdown`. */
function dockerBridge(node: ClusterNode, attached: boolean): NetInterface {
  return link({
    index: 3,
    name: 'docker0',
    kind: 'bridge',
    mac: `02:42${localMac(`docker0:${node.name}`).slice(5)}`,
    mtu: ETHERNET_MTU,
    ...(attached ? {} : { flags: NO_CARRIER_FLAGS, state: 'DOWN' as const }),
    addresses: [globalAddress('docker0', node.bridge.ip, node.bridge.prefix)],
  });
}

function podPort(sandbox: PodSandbox, bridge: string, mtu: number, hairpin: boolean): NetInterface {
  return link({
    index: sandbox.hostIndex,
    name: sandbox.veth,
    kind: 'veth',
    mac: sandbox.vethMac,
    mtu,
    master: bridge,
    peer: { index: sandbox.podIndex, name: null, netnsId: sandbox.netnsId },
    hairpin,
  });
}

/** What the host namespace builder needs besides the node. */
export interface HostNamespaceInput {
  /** The cluster's CNI. */
  readonly cni: ClusterModel['cni'];
  /** The node's pod sandboxes. */
  readonly sandboxes: readonly PodSandbox[];
  /** hostNetwork pods on the node. */
  readonly hostNetworkPods: readonly PodRef[];
  /** The LAN gateway. */
  readonly gateway: string;
}

/** Builds a node's host namespace. */
export function buildHostNamespace(node: ClusterNode, input: HostNamespaceInput): NetNamespace {
  const weave = input.cni === 'weave';
  const eth0 = link({
    index: 2,
    name: 'eth0',
    kind: 'ether',
    mac: nicMac(node.name),
    mtu: ETHERNET_MTU,
    qdisc: 'fq_codel',
    qlen: 1000,
    addresses: [globalAddress('eth0', node.internalIP, NODE_LAN_PREFIX)],
  });
  const mtu = weave ? WEAVE_MTU : ETHERNET_MTU;
  const attached = input.sandboxes.length > 0;
  const interfaces = [
    loopback(),
    eth0,
    ...(weave ? weaveDevices(node) : [dockerBridge(node, attached)]),
    ...input.sandboxes.map((s) => podPort(s, node.bridge.name, mtu, weave)),
  ];
  const linkdown = !weave && !attached ? ['docker0'] : [];
  const routes = [
    ...kernelRoutes(addressesOf(interfaces), { linkdown }),
    route({ dst: '0.0.0.0/0', via: input.gateway, dev: 'eth0' }),
  ];
  return {
    id: node.name,
    node: node.name,
    kind: 'host',
    pod: null,
    hostNetworkPods: input.hostNetworkPods,
    interfaces,
    routes,
    localAddresses: addressesOf(interfaces).map((a) => a.address),
  };
}
