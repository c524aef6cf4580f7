/**
 * UI text in English and Korean. Each feature folder keeps its own `messages.ts`
 * (`{ en: {...}, ko: {...} }`, the same keys in both, checked by the type), and reads it with
 * `useT(messages)`. The engine's trace text (hop notes, rule effects, outcome reasons) comes as
 * structured messages: English from the engine's renderer, Korean from `trace/note-text.ko.ts`
 * (every message id, checked by the type). YAML, rule text, chain names and addresses are never
 * translated.
 */
import { useCallback } from 'react';
import type { Lang } from '../../store/view-slice.ts';
import { useAppStore } from '../app/store-context.ts';

export type Messages<K extends string> = {
  readonly en: Record<K, string>;
  readonly ko: Record<K, string>;
};

/** `{name}` placeholders are filled from `vars`. */
export function format(template: string, vars?: Readonly<Record<string, string | number>>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in vars ? String(vars[key]) : whole,
  );
}

export function translate<K extends string>(
  messages: Messages<K>,
  lang: Lang,
  key: K,
  vars?: Readonly<Record<string, string | number>>,
): string {
  return format(messages[lang][key], vars);
}

/** The translator for the current language. */
export function useT<K extends string>(messages: Messages<K>) {
  const lang = useAppStore((s) => s.lang);
  return useCallback(
    (key: K, vars?: Readonly<Record<string, string | number>>) =>
      translate(messages, lang, key, vars),
    [messages, lang],
  );
}

/** The browser's preferred language among ours. */
export function browserLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'ko') return 'ko';
    if (base === 'en') return 'en';
  }
  return 'en';
}
