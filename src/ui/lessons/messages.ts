import type { Messages } from '../i18n/i18n.ts';

type Key =
  | 'lessons'
  | 'yaml'
  | 'pick'
  | 'stepOf'
  | 'prev'
  | 'next'
  | 'exit'
  | 'task'
  | 'done'
  | 'notYet'
  | 'resume'
  | 'start'
  | 'finished';

export const LESSON_MESSAGES: Messages<Key> = {
  en: {
    lessons: 'Lessons',
    yaml: 'YAML',
    pick: 'From docker0 to kube-proxy’s probability ladder, one step at a time. Each task is checked on what the packets do.',
    stepOf: 'Step {i} of {n}',
    prev: 'Back',
    next: 'Next',
    exit: 'All lessons',
    task: 'Your turn',
    done: 'Done',
    notYet: 'Not yet',
    resume: 'Resume',
    start: 'Start',
    finished: '{done} of {n} tasks done',
  },
  ko: {
    lessons: '레슨',
    yaml: 'YAML',
    pick: 'docker0에서 kube-proxy의 확률 사다리까지 한 단계씩. 과제는 패킷이 한 일로 확인합니다.',
    stepOf: '{n}단계 중 {i}단계',
    prev: '이전',
    next: '다음',
    exit: '레슨 목록',
    task: '해 보세요',
    done: '완료',
    notYet: '아직',
    resume: '이어서',
    start: '시작',
    finished: '과제 {n}개 중 {done}개 완료',
  },
};
