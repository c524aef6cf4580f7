import type { Messages } from '../i18n/i18n.ts';

type Key =
  | 'topology'
  | 'hostPods'
  | 'collision'
  | 'collisionTitle'
  | 'morePods'
  | 'outside'
  | 'outsideVia'
  | 'outsideTitle'
  | 'service'
  | 'serviceTitle'
  | 'headless'
  | 'lan'
  | 'overlay'
  | 'noOverlay'
  | 'eth0Title'
  | 'weaveTitle'
  | 'dockerTitle'
  | 'vxlanTitle'
  | 'vethTitle';

export const TOPOLOGY_MESSAGES: Messages<Key> = {
  en: {
    topology: 'Cluster topology',
    hostPods: 'hostNetwork pods: they share the node’s own network namespace',
    collision: 'same address as {pod} on {node}',
    collisionTitle:
      '{ip} is also a pod’s address on {node}: with docker0 on every node, pod addresses repeat and cannot be routed between nodes',
    morePods: '+{n} more pods',
    outside: 'Outside the cluster',
    outsideVia: 'via {ip}',
    outsideTitle: 'A client on the LAN or beyond: the nodes reach it through their default gateway',
    service: 'Service',
    serviceTitle:
      'A virtual address: no interface holds it. kube-proxy’s iptables rules on every node rewrite it (DNAT) to a pod.',
    headless: 'headless: no ClusterIP',
    lan: 'LAN {cidr}',
    overlay: 'Weave overlay · VXLAN UDP {port} · fastdp · MTU {mtu}',
    noOverlay: 'No overlay: each node’s docker0 is its own 172.17.0.0/16',
    eth0Title: 'The node’s network card on the LAN',
    weaveTitle:
      'Weave Net’s bridge: each local pod’s veth is a port of it; Weave’s datapath carries frames for other nodes',
    dockerTitle:
      'docker0: the same bridge and the same 172.17.0.0/16 on every node, so pods on different nodes can get the same address',
    vxlanTitle:
      'Weave’s VXLAN device: frames for pods on other nodes are wrapped in UDP {port} here',
    vethTitle: 'Host end of the pod’s veth pair, a port of the bridge',
  },
  ko: {
    topology: '클러스터 토폴로지',
    hostPods: 'hostNetwork 파드: 노드 자신의 네트워크 네임스페이스를 함께 씁니다',
    collision: '{node}의 {pod}와 같은 주소',
    collisionTitle:
      '{ip}는 {node}에 있는 파드의 주소이기도 합니다: 노드마다 docker0가 있으면 파드 주소가 겹치고 노드 사이에서 라우팅할 수 없습니다',
    morePods: '파드 {n}개 더',
    outside: '클러스터 외부',
    outsideVia: '{ip} 경유',
    outsideTitle: 'LAN이나 그 너머의 클라이언트: 노드는 기본 게이트웨이를 거쳐 닿습니다',
    service: '서비스',
    serviceTitle:
      '가상 주소: 어떤 인터페이스에도 없습니다. 모든 노드에서 kube-proxy의 iptables 규칙이 이 주소를 파드 주소로 바꿉니다(DNAT).',
    headless: '헤드리스: ClusterIP 없음',
    lan: 'LAN {cidr}',
    overlay: 'Weave 오버레이 · VXLAN UDP {port} · fastdp · MTU {mtu}',
    noOverlay: '오버레이 없음: 노드마다 docker0가 따로 172.17.0.0/16을 씁니다',
    eth0Title: 'LAN에 연결된 노드의 네트워크 카드',
    weaveTitle:
      'Weave Net 브리지: 로컬 파드의 veth가 모두 이 브리지의 포트이고, 다른 노드로 갈 프레임은 Weave 데이터패스가 나릅니다',
    dockerTitle:
      'docker0: 모든 노드에 같은 브리지와 같은 172.17.0.0/16이 있어서 다른 노드의 파드가 같은 주소를 받을 수 있습니다',
    vxlanTitle: 'Weave의 VXLAN 장치: 다른 노드의 파드로 가는 프레임을 여기서 UDP {port}로 감쌉니다',
    vethTitle: '파드 veth 쌍의 호스트 쪽 끝, 브리지의 포트',
  },
};
