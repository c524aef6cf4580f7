import type { Messages } from '../i18n/i18n.ts';

type Key =
  | 'title'
  | 'ariaLabel'
  | 'loading'
  | 'valid'
  | 'errors'
  | 'oneError'
  | 'oneWarning'
  | 'warnings'
  | 'listLabel'
  | 'error'
  | 'warning'
  | 'jump';

export const EDITOR_MESSAGES: Messages<Key> = {
  en: {
    title: 'scenario.yaml',
    ariaLabel: 'Scenario YAML',
    loading: 'Loading the editor…',
    valid: 'valid',
    errors: '{n} errors',
    oneError: '1 error',
    oneWarning: '1 warning',
    warnings: '{n} warnings',
    listLabel: 'Problems in the YAML',
    error: 'error',
    warning: 'warning',
    jump: 'Go to line {line}, column {col}',
  },
  ko: {
    title: 'scenario.yaml',
    ariaLabel: '시나리오 YAML',
    loading: '편집기를 불러오는 중…',
    valid: '유효함',
    errors: '오류 {n}개',
    oneError: '오류 1개',
    oneWarning: '경고 1개',
    warnings: '경고 {n}개',
    listLabel: 'YAML의 문제',
    error: '오류',
    warning: '경고',
    jump: '{line}행 {col}열로 이동',
  },
};
