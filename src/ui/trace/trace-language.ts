/**
 * The trace's engine text in the learner's language: hop notes and outcome reasons as sentences,
 * rule effects as short phrases. English is the engine's own renderer, so it reads exactly as the
 * CLI and the golden traces.
 */
import {
  renderTraceText,
  TRACE_TEXT_EN,
  type TraceLanguage,
  type TraceText,
} from '../../engine/index.ts';
import type { Lang } from '../../store/view-slice.ts';
import { TRACE_MESSAGES_KO } from './note-text.ko.ts';

/** Korean parts as sentences, each closed by a period. */
function sentences(parts: readonly string[]): string {
  return parts.map((p) => (/[.!?]$/.test(p) ? p : `${p}.`)).join(' ');
}

const NOTE: Readonly<Record<Lang, TraceLanguage>> = {
  en: TRACE_TEXT_EN,
  ko: { messages: TRACE_MESSAGES_KO, join: sentences },
};

const EFFECT: Readonly<Record<Lang, TraceLanguage>> = {
  en: TRACE_TEXT_EN,
  ko: { messages: TRACE_MESSAGES_KO, join: (parts) => parts.join('; ') },
};

/** The languages for notes and effects, as the Markdown export takes them. */
export const noteLanguage = (lang: Lang): TraceLanguage => NOTE[lang];
export const effectLanguage = (lang: Lang): TraceLanguage => EFFECT[lang];

/** A hop's note or an outcome's reason in `lang`. */
export function noteText(text: TraceText, lang: Lang): string {
  return renderTraceText(text, NOTE[lang]);
}

/** A rule's effect in `lang`. */
export function effectText(text: TraceText, lang: Lang): string {
  return renderTraceText(text, EFFECT[lang]);
}
