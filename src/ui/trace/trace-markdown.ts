/**
 * The words of the trace's Markdown export in the learner's language. English is the engine's own
 * (the same text as `formatTraceMarkdown` without words); Korean translates the headings, notes,
 * effects and the outcome, and keeps rule text, addresses and hook names as they are.
 */
import { TRACE_MARKDOWN_EN, type TraceMarkdownWords } from '../../engine/index.ts';
import type { Lang } from '../../store/view-slice.ts';
import { translate } from '../i18n/i18n.ts';
import { TRACE_MESSAGES } from './messages.ts';
import { outcomeDetail, outcomeKindText } from './outcome-text.ts';
import { effectLanguage, noteLanguage } from './trace-language.ts';

const KO: TraceMarkdownWords = {
  seed: (seed) => `시드 ${seed}.`,
  packet: (n, direction) =>
    `패킷 ${n} (${direction === 'original' ? '클라이언트 → 서버' : '응답'})`,
  columns: ['#', '위치', '동작', '규칙', '이전', '이후', '설명'],
  kind: (kind) => translate(TRACE_MESSAGES, 'ko', `kind_${kind}`),
  result: (o) => `결과: ${outcomeKindText(o, 'ko')} — ${outcomeDetail(o, 'ko')}`,
  noConnection: '연결이 없습니다.',
  note: noteLanguage('ko'),
  effect: effectLanguage('ko'),
};

const WORDS: Readonly<Record<Lang, TraceMarkdownWords>> = { en: TRACE_MARKDOWN_EN, ko: KO };

export const traceMarkdownWords = (lang: Lang): TraceMarkdownWords => WORDS[lang];
