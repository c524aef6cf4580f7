import type { Messages } from '../i18n/i18n.ts';

type Key =
  | 'panel'
  | 'view'
  | 'node'
  | 'on'
  | 'restoreInput'
  | 'grepLabel'
  | 'grepPlaceholder'
  | 'count'
  | 'countFiltered'
  | 'noMatch'
  | 'empty'
  | 'showMore'
  | 'changes'
  | 'dismiss'
  | 'stale'
  | 'nextChange'
  | 'added'
  | 'removed'
  | 'hopHere'
  | 'hopElsewhere'
  | 'hopShowNode'
  | 'hopNotHere'
  | 'matchedLegend'
  | 'matchedTitle'
  | 'tableTitle'
  | 'service'
  | 'local'
  | 'endpoint'
  | 'sepChain'
  | 'probability'
  | 'share'
  | 'rest'
  | 'chosen'
  | 'tableNote'
  | 'noServices'
  | 'moreRows'
  | 'whyField'
  | 'whyNone'
  | 'whyFrom'
  | 'whyEndpoint'
  | 'whyHops'
  | 'whyHop'
  | 'whyClear'
  | 'whyHint';

export const RULES_MESSAGES: Messages<Key> = {
  en: {
    panel: 'kube-proxy rules',
    view: 'Command',
    node: 'Node',
    on: 'on',
    restoreInput: 'iptables-restore input (kube-proxy)',
    grepLabel: 'Filter like grep',
    grepPlaceholder: 'text, e.g. 10.100.100.100',
    count: '{n} lines',
    countFiltered: '{n} of {total} lines',
    noMatch: 'No line contains “{pattern}” (grep is case-sensitive).',
    empty: 'No rules: there is no cluster yet.',
    showMore: 'Show {n} more lines ({hidden} not shown)',
    changes: 'Last change:',
    dismiss: 'Hide marks',
    stale: 'The YAML has errors: these are the rules of the last valid cluster.',
    nextChange: 'Next change ↓',
    added: '+{n} added',
    removed: '−{n} removed',
    hopHere: 'Matched at this hop ({where})',
    hopElsewhere: 'The packet is on {node} at this hop.',
    hopShowNode: 'Show {node}',
    hopNotHere:
      'This hop matched {n} rules that are not in this view (another table, or the CNI’s rules, not kube-proxy’s).',
    matchedLegend: '×n: times matched in this trace',
    matchedTitle: 'matched {n}× in this trace',
    tableTitle: 'How the Service spreads new connections',
    service: 'Service',
    local: 'local endpoints only',
    endpoint: 'Endpoint',
    sepChain: 'KUBE-SEP chain',
    probability: 'Rule’s probability',
    share: 'Share of new connections',
    rest: 'none (the rest)',
    chosen: 'chosen in this trace',
    tableNote:
      'Probabilities as iptables prints them (kube-proxy wrote {written}). A rule sees only the connections the rules above it let through, so the chances multiply.',
    noServices: 'No Service has endpoints on this node.',
    moreRows: '{n} more endpoints not shown',
    whyField: '{n} rules from {kind} {name} · {field}',
    whyNone: 'No rule in this view on {node} comes from {kind} {name} · {field}.',
    whyFrom: 'This rule comes from Service {service}, port {port}',
    whyEndpoint: 'endpoint {endpoint}',
    whyHops: '{n} hops of the trace used them',
    whyHop: 'one hop of the trace used them',
    whyClear: 'Clear',
    whyHint: 'Click a field in the YAML to mark the rules it made; click a rule to see its YAML.',
  },
  ko: {
    panel: 'kube-proxy 규칙',
    view: '명령',
    node: '노드',
    on: '노드',
    restoreInput: 'iptables-restore 입력 (kube-proxy)',
    grepLabel: 'grep처럼 거르기',
    grepPlaceholder: '문자열, 예: 10.100.100.100',
    count: '{n}줄',
    countFiltered: '{total}줄 중 {n}줄',
    noMatch: '“{pattern}”을(를) 포함한 줄이 없습니다 (grep은 대소문자를 구분합니다).',
    empty: '규칙이 없습니다: 아직 클러스터가 없습니다.',
    showMore: '{n}줄 더 보기 ({hidden}줄 숨김)',
    changes: '마지막 변경:',
    dismiss: '표시 지우기',
    stale: 'YAML에 오류가 있습니다: 마지막으로 유효했던 클러스터의 규칙입니다.',
    nextChange: '다음 변경 ↓',
    added: '+{n}줄 추가',
    removed: '−{n}줄 삭제',
    hopHere: '이 홉에서 일치한 규칙 ({where})',
    hopElsewhere: '이 홉에서 패킷은 {node}에 있습니다.',
    hopShowNode: '{node} 보기',
    hopNotHere:
      '이 홉이 일치한 규칙 {n}개는 이 보기에 없습니다 (다른 테이블이거나, kube-proxy가 아닌 CNI의 규칙).',
    matchedLegend: '×n: 이 트레이스에서 일치한 횟수',
    matchedTitle: '이 트레이스에서 {n}번 일치',
    tableTitle: '서비스가 새 연결을 나누는 방법',
    service: '서비스',
    local: '로컬 엔드포인트만',
    endpoint: '엔드포인트',
    sepChain: 'KUBE-SEP 체인',
    probability: '규칙의 확률',
    share: '새 연결의 몫',
    rest: '없음 (나머지 전부)',
    chosen: '이 트레이스에서 선택됨',
    tableNote:
      '확률은 iptables가 출력한 값입니다 (kube-proxy는 {written}(으)로 씀). 각 규칙은 위 규칙들이 통과시킨 연결만 보므로 확률이 곱해집니다.',
    noServices: '이 노드에는 엔드포인트가 있는 서비스가 없습니다.',
    moreRows: '엔드포인트 {n}개 더 (표시 안 함)',
    whyField: '{kind} {name} · {field}에서 나온 규칙 {n}개',
    whyNone: '{node}의 이 보기에는 {kind} {name} · {field}에서 나온 규칙이 없습니다.',
    whyFrom: '이 규칙은 Service {service}의 포트 {port}에서 나왔습니다',
    whyEndpoint: '엔드포인트 {endpoint}',
    whyHops: '트레이스의 홉 {n}개가 이 규칙을 썼습니다',
    whyHop: '트레이스의 홉 1개가 이 규칙을 썼습니다',
    whyClear: '지우기',
    whyHint:
      'YAML의 필드를 클릭하면 그 필드가 만든 규칙이, 규칙을 클릭하면 그 규칙의 YAML이 표시됩니다.',
  },
};
