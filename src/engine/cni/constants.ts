/** Numbers of the two pod networks podpath models (datapath.md §0.1, §1, §4). */

/** Weave Net's MTU for the bridge and pod interfaces (1460 − 20 − 8 − 8 − 14 − 34). */
export const WEAVE_MTU = 1376;
/** UDP port of Weave's fastdp VXLAN (router port 6783 + 1). */
export const WEAVE_FASTDP_PORT = 6784;
/** Weave router control port (TCP) and sleeve port (UDP). */
export const WEAVE_ROUTER_PORT = 6783;
/** Name of Weave's ODP VXLAN vport. */
export const WEAVE_VXLAN_DEV = `vxlan-${WEAVE_FASTDP_PORT}`;
/** MTU of the `vxlan-6784` vport device. */
export const WEAVE_VXLAN_DEV_MTU = 65535;
/** weave-npc's egress-allowed mark bit. */
export const WEAVE_NPC_EGRESS_MARK = '0x40000/0x40000';
/** NFLOG group weave-npc logs blocked connections to. */
export const WEAVE_NFLOG_GROUP = '86';
/** Docker's default bridge MTU and the node NIC's MTU. */
export const ETHERNET_MTU = 1500;
/** Loopback MTU. */
export const LOOPBACK_MTU = 65536;
/** Prefix length podpath gives every node's eth0 (the lab LAN is a /24). */
export const NODE_LAN_PREFIX = 24;
/** Bytes VXLAN adds on the wire: outer Ethernet 14 + IPv4 20 + UDP 8 + VXLAN 8. */
export const VXLAN_OVERHEAD = 50;
/** Start of the kernel's default ephemeral range, which VXLAN source ports are spread over. */
export const VXLAN_SRC_PORT_MIN = 32768;
/** End of that range (exclusive for the hash, as in `udp_flow_src_port`). */
export const VXLAN_SRC_PORT_MAX = 60999;
