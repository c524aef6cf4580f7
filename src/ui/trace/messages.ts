import type { HopKind, Outcome } from '../../engine/index.ts';
import type { Messages } from '../i18n/i18n.ts';
import type { HeaderField } from './hop-text.ts';
import type { ChoiceGroup } from './request-options.ts';

type Key =
  | 'panel'
  | 'from'
  | 'to'
  | 'protocol'
  | 'auto'
  | 'send'
  | `group_${ChoiceGroup}`
  | 'otherAddress'
  | 'addressPlaceholder'
  | 'tabHops'
  | 'tabBurst'
  | 'play'
  | 'pause'
  | 'back'
  | 'forward'
  | 'speed'
  | 'position'
  | 'keysHint'
  | 'packetOriginal'
  | 'packetReply'
  | `kind_${HopKind}`
  | 'noHop'
  | 'headers'
  | 'field'
  | 'before'
  | 'after'
  | `field_${HeaderField}`
  | 'outer'
  | 'outer_added'
  | 'outer_removed'
  | 'outer_carried'
  | 'outerDetail'
  | 'rules'
  | 'table'
  | 'chain'
  | 'rule'
  | 'effect'
  | 'conntrack'
  | 'verdict'
  | `outcome_${Outcome['kind']}`
  | 'deliveredTo'
  | 'deliveredOn'
  | 'lostOn'
  | 'unreachableFrom'
  | 'placePod'
  | 'placeNode'
  | 'placeHost'
  | 'placeOutside'
  | 'placeItself'
  | 'noTrace';

export const TRACE_MESSAGES: Messages<Key> = {
  en: {
    panel: 'Packets',
    from: 'From',
    to: 'To',
    protocol: 'Protocol',
    auto: 'TCP/UDP: auto',
    send: 'Send',
    group_pods: 'Pods',
    group_nodes: 'Nodes',
    group_outside: 'Outside the cluster',
    group_services: 'Services',
    group_nodePorts: 'NodePorts',
    group_podPorts: 'Pods, directly',
    otherAddress: 'Other address (IP:port)…',
    addressPlaceholder: 'IP:port, Service or pod:port',
    tabHops: 'Hops',
    tabBurst: 'Burst',
    play: 'Play (space)',
    pause: 'Pause (space)',
    back: 'Step back (←)',
    forward: 'Step forward (→)',
    speed: 'Speed',
    position: 'hop {i} / {n}',
    keysHint: 'Space: play/pause · ←/→: step',
    packetOriginal: 'client → server ({n})',
    packetReply: 'server → client, reply ({n})',
    kind_send: 'send',
    kind_route: 'route',
    kind_veth: 'veth',
    kind_bridge: 'bridge',
    kind_netfilter: 'netfilter',
    kind_conntrack: 'conntrack',
    kind_encap: 'VXLAN encap',
    kind_wire: 'wire',
    kind_decap: 'VXLAN decap',
    kind_deliver: 'deliver',
    kind_drop: 'drop',
    kind_reject: 'reject',
    kind_unreachable: 'unreachable',
    kind_loopback: 'loopback',
    noHop: 'Send a packet, then step through its hops (→) or play it (space).',
    headers: 'Headers',
    field: 'Field',
    before: 'Before',
    after: 'After',
    field_source: 'source',
    field_destination: 'destination',
    field_protocol: 'protocol',
    field_mark: 'mark',
    field_ttl: 'TTL',
    outer: 'VXLAN outer header',
    outer_added: 'wrapped here',
    outer_removed: 'unwrapped here',
    outer_carried: 'on the wire',
    outerDetail: 'UDP, source port {sport} · VNI {vni}',
    rules: 'Rules that decided',
    table: 'Table',
    chain: 'Chain',
    rule: 'Rule',
    effect: 'Effect',
    conntrack: 'conntrack entry',
    verdict: 'Verdict',
    outcome_delivered: 'Delivered',
    outcome_dropped: 'Dropped',
    outcome_rejected: 'Rejected',
    outcome_unreachable: 'Unreachable',
    deliveredTo: 'to {place} ({addr})',
    deliveredOn: 'to {place} ({addr}) on {node}',
    lostOn: 'on {node}: {reason}',
    unreachableFrom: 'from {node}: {reason}',
    placePod: 'pod {name}',
    placeNode: 'node {name}',
    placeHost: 'the host',
    placeOutside: 'outside',
    placeItself: '{place} itself',
    noTrace: 'Pick a source and a target, then Send.',
  },
  ko: {
    panel: '패킷',
    from: '출발',
    to: '목적지',
    protocol: '프로토콜',
    auto: 'TCP/UDP: 자동',
    send: '보내기',
    group_pods: '파드',
    group_nodes: '노드',
    group_outside: '클러스터 바깥',
    group_services: '서비스',
    group_nodePorts: 'NodePort',
    group_podPorts: '파드로 직접',
    otherAddress: '다른 주소 (IP:포트)…',
    addressPlaceholder: 'IP:포트, 서비스 또는 파드:포트',
    tabHops: '홉',
    tabBurst: '버스트',
    play: '재생 (스페이스)',
    pause: '일시 정지 (스페이스)',
    back: '한 홉 뒤로 (←)',
    forward: '한 홉 앞으로 (→)',
    speed: '속도',
    position: '홉 {i} / {n}',
    keysHint: '스페이스: 재생/정지 · ←/→: 한 홉씩',
    packetOriginal: '클라이언트 → 서버 ({n})',
    packetReply: '서버 → 클라이언트, 응답 ({n})',
    kind_send: '송신',
    kind_route: '라우팅',
    kind_veth: 'veth',
    kind_bridge: '브리지',
    kind_netfilter: 'netfilter',
    kind_conntrack: 'conntrack',
    kind_encap: 'VXLAN 캡슐화',
    kind_wire: '회선',
    kind_decap: 'VXLAN 역캡슐화',
    kind_deliver: '전달',
    kind_drop: '폐기',
    kind_reject: '거부',
    kind_unreachable: '도달 불가',
    kind_loopback: '루프백',
    noHop: '패킷을 보낸 뒤 홉을 하나씩 넘기거나(→) 재생하세요(스페이스).',
    headers: '헤더',
    field: '필드',
    before: '이전',
    after: '이후',
    field_source: '출발지',
    field_destination: '목적지',
    field_protocol: '프로토콜',
    field_mark: '마크',
    field_ttl: 'TTL',
    outer: 'VXLAN 바깥 헤더',
    outer_added: '여기서 캡슐화',
    outer_removed: '여기서 역캡슐화',
    outer_carried: '회선 위',
    outerDetail: 'UDP, 출발 포트 {sport} · VNI {vni}',
    rules: '결정한 규칙',
    table: '테이블',
    chain: '체인',
    rule: '규칙',
    effect: '효과',
    conntrack: 'conntrack 항목',
    verdict: '판정',
    outcome_delivered: '전달됨',
    outcome_dropped: '폐기됨',
    outcome_rejected: '거부됨',
    outcome_unreachable: '도달 불가',
    deliveredTo: '{place} ({addr})',
    deliveredOn: '{node}의 {place} ({addr})',
    lostOn: '{node}에서: {reason}',
    unreachableFrom: '{node}에서: {reason}',
    placePod: '파드 {name}',
    placeNode: '노드 {name}',
    placeHost: '호스트',
    placeOutside: '클러스터 바깥',
    placeItself: '{place} 자신',
    noTrace: '출발지와 목적지를 고른 뒤 보내기를 누르세요.',
  },
};
