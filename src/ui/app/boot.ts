/**
 * Where the first state comes from: `?scenario=<name>` (e2e and links to a scenario), else the text
 * saved in this browser, else the article's scenario; the language from the browser. Also keeps
 * the text and preferences saved as they change.
 */
import { createAppStore, type AppStore, type InitialState } from '../../store/app-store.ts';
import type { Lang, Theme } from '../../store/view-slice.ts';
import { browserLang } from '../i18n/i18n.ts';
import { DEFAULT_SCENARIO, scenarioText } from './scenarios.ts';

const KEY = {
  yaml: 'podpath.yaml',
  scenario: 'podpath.scenario',
  theme: 'podpath.theme',
  lang: 'podpath.lang',
};

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage disabled: start fresh
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Full or disabled storage: the session goes on, only the saved copy is not updated.
  }
}

export function initialState(
  url: URL,
  languages: readonly string[],
  prefersDark: boolean,
): InitialState {
  const asked = url.searchParams.get('scenario');
  const savedLang = read(KEY.lang);
  const savedTheme = read(KEY.theme);
  const lang: Lang = savedLang === 'en' || savedLang === 'ko' ? savedLang : browserLang(languages);
  const theme: Theme =
    savedTheme === 'light' || savedTheme === 'dark' ? savedTheme : prefersDark ? 'dark' : 'light';
  const named = asked !== null ? scenarioText(asked) : undefined;
  if (named !== undefined) return { yaml: named, scenarioName: asked, lang, theme };
  const saved = read(KEY.yaml);
  if (saved !== null && asked === null)
    return { yaml: saved, scenarioName: read(KEY.scenario), lang, theme };
  return {
    yaml: scenarioText(DEFAULT_SCENARIO) ?? '',
    scenarioName: DEFAULT_SCENARIO,
    lang,
    theme,
  };
}

/** Saves the text (every change: the user's text is never lost) and the preferences. */
export function persist(store: AppStore): () => void {
  return store.subscribe((s, prev) => {
    if (s.yaml !== prev.yaml) write(KEY.yaml, s.yaml);
    if (s.scenarioName !== prev.scenarioName) write(KEY.scenario, s.scenarioName ?? '');
    if (s.theme !== prev.theme) write(KEY.theme, s.theme);
    if (s.lang !== prev.lang) write(KEY.lang, s.lang);
  });
}

export function bootStore(): AppStore {
  const url = new URL(window.location.href);
  const store = createAppStore(
    initialState(
      url,
      navigator.languages,
      window.matchMedia('(prefers-color-scheme: dark)').matches,
    ),
  );
  persist(store);
  return store;
}
