/**
 * The trace's messages in Korean: hop notes, rule effects, outcome reasons. Addresses, devices,
 * chain names, iptables targets and rule text stay as the kernel prints them; the type asks for
 * every message id the engine has.
 */
import type { AddressOwner, PodName, TraceMessageRenderers } from '../../engine/index.ts';
import { josa } from '../i18n/josa.ts';

const podOrHost = (pod: PodName) => (pod === null ? '호스트' : `파드 ${pod}`);

const taken = (yes: boolean) => (yes ? '선택됨' : '선택 안 됨');

function holdersText(holders: readonly AddressOwner[]): string {
  return holders
    .map((h) => (h.pod ? `${h.node}의 파드 ${h.pod}` : `${h.node}의 ${h.dev}`))
    .join(', ');
}

/** `FORWARD의 규칙 \`-A …\`에 따라`, or `FORWARD에서` when no rule decided. */
const byRule = (hook: string, rule: string | null) =>
  rule ? `${hook}의 규칙 \`${rule}\`에 따라` : `${hook}에서`;

export const TRACE_MESSAGES_KO: TraceMessageRenderers = {
  podSends: (a) => `${josa(podOrHost(a.pod), '이/가')} ${josa(a.dev, '으로/로')} 패킷을 보냅니다`,
  hostSends: (a) => `${a.node}의 프로세스가 패킷을 보냅니다`,
  outsideSends: (a) => `클러스터 바깥의 클라이언트(${a.src})가 패킷을 보냅니다`,

  loopback: (a) =>
    `${josa(a.dst, '은/는')} 이 파드 자신의 주소입니다. 라우트 조회가 local 테이블에 걸리므로 패킷은 파드를 떠나지 않고 파드 안에서 루프백됩니다`,
  podNoRoute: (a) => `파드 안에 ${josa(a.dst, '으로/로')} 가는 라우트가 없습니다`,
  offLink: (a) =>
    `${josa(a.dst, '은/는')} 같은 링크에 있지 않으므로(off-link) 기본 라우트를 따라 게이트웨이 ${josa(a.via, '으로/로')} 보냅니다`,
  onLink: (a) => `${josa(a.dst, '은/는')} 같은 링크에 있습니다(on-link, dev ${a.dev})`,
  arpBridge: (a) => `${a.ip}에 대한 ARP 요청에 노드의 브리지(${a.dev})가 응답합니다`,
  arpPod: (a) => `${a.ip}에 대한 ARP 요청에 파드 ${josa(a.pod, '이/가')} 응답합니다`,
  arpPodOverlay: (a) =>
    `${a.ip}에 대한 ARP 요청에 ${a.node}의 파드 ${josa(a.pod, '이/가')} 오버레이를 건너 응답합니다`,
  arpDev: (a) => `${a.ip}에 대한 ARP 요청에 ${josa(a.dev, '이/가')} 응답합니다`,
  arpNoAnswer: (a) => `${a.ip}에 대한 ARP 요청에 아무도 응답하지 않습니다`,

  arpNobody: (a) => `${a.ip}에 대한 ARP 요청에 응답하는 곳이 없습니다`,
  docker0Nobody: (a) =>
    a.holders.length === 0
      ? `${a.node}의 docker0에는 ${josa(a.ip, '을/를')} 가진 곳이 없습니다`
      : `${a.node}의 docker0에는 ${josa(a.ip, '을/를')} 가진 곳이 없습니다. 이 주소는 ${holdersText(a.holders)}의 것이지만, 노드마다 docker0는 별개의 L2 구간이라서 ARP 브로드캐스트는 ${josa(a.node, '을/를')} 벗어나지 못합니다`,
  weaveNobody: (a) =>
    `Weave 네트워크의 어떤 파드나 브리지도 ${josa(a.ip, '을/를')} 갖고 있지 않습니다. ARP 요청이 오버레이를 타고 모든 노드로 퍼졌지만 아무도 응답하지 않았습니다`,
  lanNobody: (a) => `LAN ${a.cidr}에는 ${josa(a.ip, '을/를')} 가진 곳이 없습니다`,
  notBroadcast: (a) => `${a.node}의 ${josa(a.dev, '은/는')} 브로드캐스트 링크가 아닙니다`,
  ehostunreach: () => '송신자는 EHOSTUNREACH(No route to host)를 받습니다',

  veth: (a) =>
    `veth 쌍을 지납니다: 파드의 eth0 → 노드의 ${a.dev}. ${josa(a.dev, '은/는')} ${a.bridge} 브리지의 포트입니다`,
  bridgeSwitches: (a) =>
    `프레임의 목적지 MAC이 ${a.target}의 것이므로 ${a.bridge} 브리지가 스위칭합니다(br_netfilter가 이 프레임에도 FORWARD와 POSTROUTING 훅을 실행합니다)`,
  bridgedDnat: (a) =>
    `목적지가 ${josa(a.dst, '으로/로')} 바뀌었고, 같은 ${a.bridge} 브리지로 닿을 수 있습니다. 커널은 패킷을 2계층에 둔 채 전달하며(bridged DNAT) TTL을 줄이지 않습니다`,
  nodeRoutes: (a) => `${josa(a.node, '은/는')} ${josa(a.dst, '을/를')} 라우팅합니다: ${a.route}`,
  localDelivery: (a) =>
    `${josa(a.dst, '은/는')} ${a.node} 자신의 주소이므로 로컬로 전달합니다(INPUT)`,
  deliverProcess: (a) => `${a.node}에서 ${a.dst}:${a.port}에 listen 중인 프로세스에 전달됩니다`,
  nodeNoRoute: (a) => `${a.node}에는 ${josa(a.dst, '으로/로')} 가는 라우트가 없습니다`,
  noHairpin: (a) =>
    `${josa(a.bridge, '은/는')} 프레임을 들어온 포트인 ${josa(a.port, '으로/로')} 되돌려 보내지 않습니다. 그 포트는 헤어핀 모드가 꺼져 있어 브리지가 프레임을 버립니다`,
  bridgeNoArp: (a) =>
    `하지만 ${a.node}의 ${a.bridge}에서 ${a.dst}에 대한 ARP 요청에 아무도 응답하지 않습니다: EHOSTUNREACH`,
  fdb: (a) =>
    `${a.bridge}의 포워딩 테이블: ${josa(a.dst, '은/는')} ${a.port ?? '브리지 자신'} 뒤에 있습니다`,
  vethIntoPod: (a) => `${a.port}에서 나와 파드의 eth0으로 들어갑니다`,
  deliverPod: (a) => `${podOrHost(a.pod)}(${a.dst}:${a.port})에 전달됩니다`,
  hostRoute: (a) => `라우트 조회 결과: ${a.route}, 출발지 ${a.src ?? '?'}`,
  reroute: (a) => `목적지가 바뀌어 다시 라우팅합니다: ${a.route}`,

  encap: (a) =>
    `vethwe-bridge → Weave 데이터패스: 프레임을 VXLAN(VNI ${a.vni})으로 감싸 UDP ${a.src} → ${a.dst}:${a.port}에 싣습니다. 50바이트가 늘어나고 안쪽 패킷은 그대로입니다`,
  wireOverlay: (a) =>
    `UDP ${a.port} 패킷으로 LAN을 건넙니다: ${a.from}(${a.src}) → ${a.to}(${a.dst})`,
  decap: (a) =>
    `${a.node}의 vxlan-6784 포트가 캡슐을 벗깁니다. 데이터패스는 프레임을 vethwe-datapath → vethwe-bridge → weave 브리지로 넘깁니다`,
  noOverlay: (a) =>
    `${a.from}에서 ${josa(a.to, '으로/로')} 가는 오버레이 경로가 없습니다(원문: ${a.reason})`,
  wireLan: (a) => `LAN을 건넙니다: ${a.from} → ${a.to}(${a.ip})`,
  leavesCluster: (a) =>
    `${a.node}의 ${a.dev}에서 ${josa(a.nextHop, '으로/로')} 나갑니다. 패킷이 클러스터를 떠납니다`,
  wireToNode: (a) =>
    a.via === null
      ? `LAN을 지나 ${a.node}의 eth0에 도착합니다`
      : `게이트웨이 ${josa(a.via, '을/를')} 거쳐(TTL − 1) LAN을 지나 ${a.node}의 eth0에 도착합니다`,
  nobodyOutside: (a) =>
    a.range === 'service'
      ? `클러스터 바깥에는 ${josa(a.dst, '을/를')} 가진 곳이 없습니다. 이 주소는 서비스 주소(서비스 CIDR ${a.cidr})로, 각 노드의 kube-proxy 규칙 안에만 있는데, 이 패킷은 노드를 떠나기 전에 어떤 규칙으로도 변환되지 않았습니다. 아무도 응답하지 않아 클라이언트의 연결은 시간 초과로 끝납니다`
      : `클러스터 바깥에는 ${josa(a.dst, '을/를')} 가진 곳이 없습니다. 파드 네트워크(${a.cidr}) 안의 주소지만 어떤 파드도 이 주소를 갖고 있지 않습니다. 아무도 응답하지 않아 클라이언트의 연결은 시간 초과로 끝납니다`,
  notNodeAddress: (a) =>
    `${josa(a.dst, '은/는')} 노드 주소가 아닙니다. 서비스와 파드의 주소는 노드 안에만 있고, 클러스터 바깥의 어떤 라우터도 이 주소로 가는 패킷을 노드에 보내 주지 않습니다`,

  natSkipped: () => 'nat 테이블은 거치지 않습니다. 이 연결의 NAT는 첫 패킷이 이미 정했습니다',
  natRewrite: (a) =>
    `${a.manip === 'dst' ? '목적지' : '출발지'} ${a.from} → ${a.to}${a.fromConntrack ? ' (conntrack 항목에 따라)' : ''}`,
  accepted: () => '통과합니다',
  droppedByRule: () => '규칙이나 체인 정책에 따라 폐기됩니다',
  rejectedIcmp: (a) => `거부됩니다. 송신자는 ICMP ${josa(a.with, '을/를')} 받습니다`,
  masqueradeNoAddress: (a) =>
    `MASQUERADE: ${a.iface ?? '(인터페이스 없음)'}에 IPv${a.family} 주소가 없어 폐기됩니다`,
  noFreePort: (a) => `${a.target}: ${a.addr}에 남은 출발지 포트가 없어 폐기됩니다`,
  evaluationError: (a) => `규칙을 평가할 수 없습니다: ${a.message}`,

  random: (a) => `random ${a.probability}: ${taken(a.taken)} (뽑은 값 ${a.draw.toFixed(4)})`,
  nth: (a) => `nth ${a.counter}/${a.every}: ${taken(a.taken)}`,
  recent: (a) =>
    `recent ${a.name} ${a.command} ${a.address}: ${a.matched ? '목록에 있음' : '목록에 없음'}`,
  jump: (a) => `${a.chain} 체인으로 점프`,
  goto: (a) => `${a.chain} 체인으로 goto(돌아오지 않음)`,
  return: () => 'RETURN: 호출한 체인으로 돌아감',
  accept: () => 'ACCEPT: 통과',
  drop: () => 'DROP: 폐기',
  reject: (a) => `REJECT ${a.with}: 거부`,
  dnat: (a) => `DNAT: 목적지를 ${josa(a.to, '으로/로')} 변경`,
  snat: (a) => `SNAT: 출발지를 ${josa(a.to, '으로/로')} 변경`,
  masquerade: (a) =>
    `MASQUERADE: 출발지를 ${a.iface ?? '(인터페이스 없음)'}의 주소 ${josa(a.to ?? '(주소 없음)', '으로/로')} 변경`,
  mark: (a) => `MARK: 마크 ${a.from} → ${a.to}`,
  log: (a) => `LOG "${a.prefix}": 커널 로그에 기록`,
  nflog: (a) => `NFLOG 그룹 ${a.group}에 기록`,
  count: () => '카운터만 증가',
  noMatch: () => '일치하지 않음',
  chainEnd: () => '체인 끝: 호출한 체인으로 돌아감',
  policy: (a) => `체인 정책 ${a.policy}`,

  droppedIn: (a) => `${byRule(a.hook, a.rule)} 폐기되었습니다`,
  rejectedIn: (a) => `${byRule(a.hook, a.rule)} 거부되었습니다(${a.with})`,
  conntrackClash: () =>
    'conntrack이 연결을 확정하지 못했습니다. 응답 방향 튜플을 다른 연결이 이미 쓰고 있습니다',
  podNoRouteIn: (a) => `${podOrHost(a.pod)} 안에 ${josa(a.dst, '으로/로')} 가는 라우트가 없습니다`,
  bridgeNobody: (a) => `${a.node}의 ${a.bridge}에는 ${josa(a.dst, '을/를')} 가진 곳이 없습니다`,
  nobodyHas: (a) => `${josa(a.dst, '을/를')} 가진 곳이 없습니다`,
  replyMismatch: (a) =>
    `응답이 ${a.from}에서 왔지만 클라이언트는 ${a.expected}에 연결했습니다. 소켓이 이 응답을 알아보지 못해 연결이 리셋됩니다`,
  noNode: (a) => `노드 ${josa(a.node, '이/가')} 없습니다`,
  noNamespace: (a) => `네임스페이스 ${josa(a.id, '이/가')} 없습니다`,
  nothingSent: () => '보낸 패킷이 없습니다',
};
