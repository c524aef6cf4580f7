/** What the learner is looking at: the rules view, theme and language. */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './app-state.ts';
import type { ShareLinkProblem } from './share-link.ts';

/** `iptables -t nat -S`, `iptables-save`, `iptables -t filter -S`, kube-proxy's restore input. */
export type RulesView = 'nat-S' | 'save' | 'filter-S' | 'restore';
export type Theme = 'light' | 'dark';
export type Lang = 'en' | 'ko';
/** A page-wide message, by key so the UI says it in the learner's language. */
export interface Notice {
  /** Why a share link was refused, or `noScenario` (`?scenario=` names none). */
  readonly key: ShareLinkProblem | 'noScenario';
  readonly vars?: Readonly<Record<string, string>>;
}

/** The left column: the YAML editor or the lessons. */
export type LeftTab = 'yaml' | 'lessons';

export interface ViewSlice {
  /** The node whose rules are shown; null: the first worker. */
  readonly rulesNode: string | null;
  readonly rulesView: RulesView;
  /** Works like `| grep`: a plain substring. */
  readonly rulesFilter: string;
  readonly theme: Theme;
  readonly lang: Lang;
  readonly leftTab: LeftTab;
  /** Presentation mode: large type, editor hidden, topology locked. */
  readonly presenting: boolean;
  /** A message for the whole page (a broken share link…), dismissable. */
  readonly notice: Notice | null;
  setLeftTab(tab: LeftTab): void;
  setPresenting(on: boolean): void;
  setNotice(notice: Notice | null): void;
  setRulesNode(node: string): void;
  setRulesView(view: RulesView): void;
  setRulesFilter(filter: string): void;
  setTheme(theme: Theme): void;
  setLang(lang: Lang): void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  rulesNode: null,
  rulesView: 'nat-S',
  rulesFilter: '',
  theme: 'light',
  lang: 'en',
  leftTab: 'yaml',
  presenting: false,
  notice: null,
  setLeftTab: (leftTab) => set({ leftTab }),
  setPresenting: (presenting) => set({ presenting }),
  setNotice: (notice) => set({ notice }),
  setRulesNode: (rulesNode) => set({ rulesNode }),
  setRulesView: (rulesView) => set({ rulesView }),
  setRulesFilter: (rulesFilter) => set({ rulesFilter }),
  setTheme: (theme) => set({ theme }),
  setLang: (lang) => set({ lang }),
});
