import type { Messages } from '../i18n/i18n.ts';

type Key =
  | 'tagline'
  | 'scenario'
  | 'custom'
  | 'workers'
  | 'addWorker'
  | 'removeWorker'
  | 'cni'
  | 'cniWeave'
  | 'cniDocker'
  | 'replicas'
  | 'theme'
  | 'dark'
  | 'light'
  | 'language'
  | 'stale'
  | 'errors'
  | 'noCluster';

export const APP_MESSAGES: Messages<Key> = {
  en: {
    tagline: 'how a packet really travels through a Kubernetes cluster',
    scenario: 'Scenario',
    custom: '(edited)',
    workers: 'Workers',
    addWorker: 'Add a worker',
    removeWorker: 'Remove a worker',
    cni: 'Pod network',
    cniWeave: 'Weave Net',
    cniDocker: 'docker0 only',
    replicas: 'Replicas',
    theme: 'Theme',
    dark: 'Dark',
    light: 'Light',
    language: 'Language',
    stale: 'The YAML has errors: showing the last valid cluster',
    errors: '{n} errors',
    noCluster: 'No cluster yet: the YAML has errors. Fix them in the editor.',
  },
  ko: {
    tagline: '쿠버네티스 클러스터 안에서 패킷이 실제로 지나가는 길',
    scenario: '시나리오',
    custom: '(수정됨)',
    workers: '워커',
    addWorker: '워커 추가',
    removeWorker: '워커 제거',
    cni: '파드 네트워크',
    cniWeave: 'Weave Net',
    cniDocker: 'docker0만',
    replicas: '레플리카',
    theme: '테마',
    dark: '어둡게',
    light: '밝게',
    language: '언어',
    stale: 'YAML에 오류가 있습니다: 마지막으로 유효했던 클러스터를 보여 줍니다',
    errors: '오류 {n}개',
    noCluster: '아직 클러스터가 없습니다: YAML 오류를 편집기에서 고치세요.',
  },
};
