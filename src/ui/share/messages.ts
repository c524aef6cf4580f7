import type { Messages } from '../i18n/i18n.ts';

type Key =
  | 'share'
  | 'copied'
  | 'copyFailed'
  | 'present'
  | 'stopPresenting'
  | 'export'
  | 'exportRules'
  | 'exportTrace'
  | 'exportSvg'
  | 'exportPng'
  | 'noTrace';

export const SHARE_MESSAGES: Messages<Key> = {
  en: {
    share: 'Share link',
    copied: 'Link copied: it holds the YAML, the request, the seed and the view.',
    copyFailed: 'Copy this link:',
    present: 'Present',
    stopPresenting: 'Stop presenting',
    export: 'Export',
    exportRules: 'Rules (.txt)',
    exportTrace: 'Trace (.md)',
    exportSvg: 'Topology (.svg)',
    exportPng: 'Topology (.png)',
    noTrace: 'Send a packet first',
  },
  ko: {
    share: '공유 링크',
    copied: '링크를 복사했습니다: YAML, 요청, 시드, 화면 상태가 들어 있습니다.',
    copyFailed: '이 링크를 복사하세요:',
    present: '발표',
    stopPresenting: '발표 끝내기',
    export: '내보내기',
    exportRules: '규칙 (.txt)',
    exportTrace: '트레이스 (.md)',
    exportSvg: '토폴로지 (.svg)',
    exportPng: '토폴로지 (.png)',
    noTrace: '먼저 패킷을 보내세요',
  },
};
