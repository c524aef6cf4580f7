import type { Messages } from '../i18n/i18n.ts';

type Key =
  | 'layer'
  | 'connections'
  | 'run'
  | 'running'
  | 'title'
  | 'counted'
  | 'even'
  | 'evenNone'
  | 'notDelivered'
  | 'intro'
  | 'endpoint'
  | 'count'
  | 'share';

export const PACKET_MESSAGES: Messages<Key> = {
  en: {
    layer: 'Packets in flight',
    connections: 'Connections',
    run: 'Run burst',
    running: 'Running {n} connections…',
    title: 'Endpoints kube-proxy chose',
    counted: '{counted} of {total} connections',
    even: 'dashed line: 1/{n} = {share} (the Service has {n} ready endpoints)',
    evenNone: 'The target is not a Service: no even share to compare with.',
    notDelivered: 'not delivered: {kind}',
    intro:
      'Open many connections at once and count where kube-proxy’s random rules send them: each endpoint should get close to 1/n.',
    endpoint: 'Endpoint',
    count: 'Count',
    share: 'Share',
  },
  ko: {
    layer: '이동 중인 패킷',
    connections: '연결 수',
    run: '버스트 실행',
    running: '연결 {n}개 실행 중…',
    title: 'kube-proxy가 고른 엔드포인트',
    counted: '연결 {total}개 중 {counted}개',
    even: '점선: 1/{n} = {share} (서비스의 준비된 엔드포인트 {n}개)',
    evenNone: '목적지가 서비스가 아니어서 비교할 균등 비율이 없습니다.',
    notDelivered: '전달 안 됨: {kind}',
    intro:
      '연결을 한꺼번에 많이 열고 kube-proxy의 무작위 규칙이 어디로 보내는지 세어 봅니다. 엔드포인트마다 1/n에 가까워야 합니다.',
    endpoint: '엔드포인트',
    count: '연결',
    share: '비율',
  },
};
