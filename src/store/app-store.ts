/**
 * createAppStore(): one vanilla zustand store per app (or per test), made of slices. Vanilla, so
 * it runs in Vitest without React and backs `window.__podpath`; React reaches it through
 * src/ui/app/store-context.ts.
 *
 * @example
 * const store = createAppStore({ yaml: articleText, scenarioName: 'article' });
 * store.getState().send();
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppState } from './app-state.ts';
import { createLessonSlice, type LessonPosition } from './lesson-slice.ts';
import { createPlaybackSlice } from './playback-slice.ts';
import { createScenarioSlice } from './scenario-slice.ts';
import { createSimulationSlice, type RequestSpec } from './simulation-slice.ts';
import {
  createViewSlice,
  type Lang,
  type LeftTab,
  type Notice,
  type RulesView,
  type Theme,
} from './view-slice.ts';
import { createWhySlice } from './why-slice.ts';

export type AppStore = StoreApi<AppState>;

/** What a new store starts from (a share link or saved session fills these). */
export interface InitialState {
  readonly yaml?: string;
  readonly scenarioName?: string | null;
  readonly request?: RequestSpec;
  readonly seed?: number;
  readonly rulesNode?: string | null;
  readonly rulesView?: RulesView;
  readonly rulesFilter?: string;
  readonly theme?: Theme;
  readonly lang?: Lang;
  readonly presenting?: boolean;
  readonly notice?: Notice | null;
  readonly leftTab?: LeftTab;
  readonly lesson?: LessonPosition | null;
  readonly lessonDone?: readonly string[];
  readonly lessonResume?: Readonly<Record<string, number>>;
}

export function createAppStore(initial: InitialState = {}): AppStore {
  const store = createStore<AppState>()((...a) => ({
    ...createScenarioSlice(...a),
    ...createSimulationSlice(...a),
    ...createPlaybackSlice(...a),
    ...createViewSlice(...a),
    ...createLessonSlice(...a),
    ...createWhySlice(...a),
  }));
  const { yaml, scenarioName, ...rest } = initial;
  const plain = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  store.setState(plain as Partial<AppState>);
  if (yaml !== undefined) store.getState().loadScenario(scenarioName ?? null, yaml);
  return store;
}
