/**
 * Where the first state comes from, in order: a share link in the fragment (`#s=…`), then
 * `?scenario=<name>`, then the text saved in this browser, then the article's scenario. Language from
 * the saved choice or the browser; `?present` opens presentation mode. Also keeps the text (with
 * the request and rules view that go with it), the preferences and lesson progress saved as they
 * change.
 */
import { createAppStore, type AppStore, type InitialState } from '../../store/app-store.ts';
import type { LessonPosition } from '../../store/lesson-slice.ts';
import {
  decodeShareLink,
  isShareFragment,
  readRequest,
  VIEWS,
  type ShareState,
} from '../../store/share-link.ts';
import type { Lang, RulesView, Theme } from '../../store/view-slice.ts';
import { browserLang } from '../i18n/i18n.ts';
import { DEFAULT_SCENARIO, scenarioText } from './scenarios.ts';

const KEY = {
  yaml: 'podpath.yaml',
  scenario: 'podpath.scenario',
  theme: 'podpath.theme',
  lang: 'podpath.lang',
  lessons: 'podpath.lessons',
  /** The request and the rules view that go with the saved text. */
  session: 'podpath.session',
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

interface SavedLessons {
  lesson: LessonPosition | null;
  done: string[];
  resume: Record<string, number>;
}

function readLessons(): SavedLessons {
  try {
    const x = JSON.parse(read(KEY.lessons) ?? 'null') as Partial<SavedLessons> | null;
    if (x && typeof x === 'object') {
      return {
        lesson:
          x.lesson && typeof x.lesson.id === 'string' && Number.isInteger(x.lesson.step)
            ? x.lesson
            : null,
        done: Array.isArray(x.done) ? x.done.filter((d) => typeof d === 'string') : [],
        resume: x.resume && typeof x.resume === 'object' ? x.resume : {},
      };
    }
  } catch {
    // A damaged saved copy: start over.
  }
  return { lesson: null, done: [], resume: {} };
}

/** The saved request and rules view, each part only if it is still well-formed. */
function readSession(): InitialState {
  try {
    const x = JSON.parse(read(KEY.session) ?? 'null') as Record<string, unknown> | null;
    if (!x || typeof x !== 'object') return {};
    const request = readRequest(x['request']);
    const node = x['rulesNode'];
    const view = x['rulesView'];
    const filter = x['rulesFilter'];
    return {
      ...(request ? { request } : {}),
      ...(typeof node === 'string' || node === null ? { rulesNode: node } : {}),
      ...(VIEWS.includes(view as RulesView) ? { rulesView: view as RulesView } : {}),
      ...(typeof filter === 'string' ? { rulesFilter: filter } : {}),
    };
  } catch {
    return {}; // a damaged saved copy: the defaults
  }
}

export interface Boot {
  readonly initial: InitialState;
  /** A share link to replay once the store exists. */
  readonly share: ShareState | null;
}

export function initialState(url: URL, languages: readonly string[], prefersDark: boolean): Boot {
  const savedLang = read(KEY.lang);
  const savedTheme = read(KEY.theme);
  const lang: Lang = savedLang === 'en' || savedLang === 'ko' ? savedLang : browserLang(languages);
  const theme: Theme =
    savedTheme === 'light' || savedTheme === 'dark' ? savedTheme : prefersDark ? 'dark' : 'light';
  const lessons = readLessons();
  const common: InitialState = {
    lang,
    theme,
    presenting: url.searchParams.has('present'),
    lessonDone: lessons.done,
    lessonResume: lessons.resume,
    ...(lessons.lesson ? { lesson: lessons.lesson, leftTab: 'lessons' as const } : {}),
  };
  const fallback: InitialState = {
    ...common,
    yaml: scenarioText(DEFAULT_SCENARIO) ?? '',
    scenarioName: DEFAULT_SCENARIO,
  };

  if (isShareFragment(url.hash)) {
    const decoded = decodeShareLink(url.hash);
    if (!decoded.ok)
      return { initial: { ...fallback, notice: { key: decoded.problem } }, share: null };
    const s = decoded.value;
    return {
      initial: {
        ...common,
        yaml: s.yaml,
        scenarioName: s.scenarioName,
        request: s.request,
        seed: s.seed,
        rulesNode: s.rulesNode,
        rulesView: s.rulesView,
        rulesFilter: s.rulesFilter,
        lang: s.lang,
        // The lesson the link was made in (none: the sharer was exploring freely).
        lesson: s.lesson,
        ...(s.lesson ? { leftTab: 'lessons' as const } : {}),
      },
      share: s,
    };
  }
  const asked = url.searchParams.get('scenario');
  const named = asked !== null ? scenarioText(asked) : undefined;
  if (asked !== null && named !== undefined)
    return { initial: { ...common, yaml: named, scenarioName: asked }, share: null };
  if (asked !== null)
    return {
      initial: { ...fallback, notice: { key: 'noScenario', vars: { name: asked } } },
      share: null,
    };
  const saved = read(KEY.yaml);
  if (saved !== null)
    return {
      initial: {
        ...common,
        ...readSession(),
        yaml: saved,
        scenarioName: read(KEY.scenario) || null,
      },
      share: null,
    };
  return { initial: fallback, share: null };
}

/** Replays a share link's trace: same request, same seed, so the same backend choices. */
export function replayShare(store: AppStore, share: ShareState): void {
  const s = store.getState();
  if (share.traceSeed !== null && s.model) {
    s.setSeed(share.traceSeed);
    s.send();
    if (share.hopIndex >= 0) s.seek(share.hopIndex);
  }
  s.setSeed(share.seed);
}

/**
 * Saves the text (every change: the user's text is never lost), the request and rules view, the
 * preferences and lesson progress.
 */
export function persist(store: AppStore): () => void {
  return store.subscribe((s, prev) => {
    if (s.yaml !== prev.yaml) write(KEY.yaml, s.yaml);
    if (s.scenarioName !== prev.scenarioName) write(KEY.scenario, s.scenarioName ?? '');
    if (s.theme !== prev.theme) write(KEY.theme, s.theme);
    if (s.lang !== prev.lang) write(KEY.lang, s.lang);
    if (
      s.request !== prev.request ||
      s.rulesNode !== prev.rulesNode ||
      s.rulesView !== prev.rulesView ||
      s.rulesFilter !== prev.rulesFilter
    )
      write(
        KEY.session,
        JSON.stringify({
          request: s.request,
          rulesNode: s.rulesNode,
          rulesView: s.rulesView,
          rulesFilter: s.rulesFilter,
        }),
      );
    if (
      s.lesson !== prev.lesson ||
      s.lessonDone !== prev.lessonDone ||
      s.lessonResume !== prev.lessonResume
    )
      write(
        KEY.lessons,
        JSON.stringify({ lesson: s.lesson, done: s.lessonDone, resume: s.lessonResume }),
      );
  });
}

export function bootStore(): AppStore {
  const url = new URL(window.location.href);
  const { initial, share } = initialState(
    url,
    navigator.languages,
    window.matchMedia('(prefers-color-scheme: dark)').matches,
  );
  const store = createAppStore(initial);
  if (share) replayShare(store, share);
  persist(store);
  return store;
}
