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
  | 'noCluster'
  | 'dismiss'
  | 'notice_notShare'
  | 'notice_tooLong'
  | 'notice_damaged'
  | 'notice_otherVersion'
  | 'notice_tooBig'
  | 'notice_noScenario'
  | 'noticeFallback'
  | 'loadFailed';

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
    dismiss: 'Dismiss',
    notice_notShare: 'This is not a podpath share link.',
    notice_tooLong: 'This share link is too long for podpath to open.',
    notice_damaged: 'This share link is damaged (was it cut off when it was copied?).',
    notice_otherVersion: 'This share link comes from another version of podpath.',
    notice_tooBig: 'This share link carries more YAML than podpath reads.',
    notice_noScenario: 'There is no built-in scenario named “{name}”.',
    noticeFallback: 'Showing the default scenario instead.',
    loadFailed:
      'This part of podpath could not be loaded (offline?). Reload the page to try again.',
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
    dismiss: '닫기',
    notice_notShare: 'podpath 공유 링크가 아닙니다.',
    notice_tooLong: '공유 링크가 너무 길어서 podpath가 열 수 없습니다.',
    notice_damaged: '공유 링크가 손상되었습니다(복사할 때 잘렸나요?).',
    notice_otherVersion: '다른 버전의 podpath에서 만든 공유 링크입니다.',
    notice_tooBig: '공유 링크에 podpath가 읽을 수 있는 것보다 많은 YAML이 들어 있습니다.',
    notice_noScenario: '“{name}”이라는 내장 시나리오가 없습니다.',
    noticeFallback: '대신 기본 시나리오를 보여 줍니다.',
    loadFailed:
      'podpath의 이 부분을 불러오지 못했습니다(오프라인인가요?). 페이지를 새로 고쳐 다시 시도하세요.',
  },
};
