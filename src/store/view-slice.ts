/** What the learner is looking at: the rules view, theme and language. */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './app-state.ts';

/** `iptables -t nat -S`, `iptables-save`, `iptables -t filter -S`, kube-proxy's restore input. */
export type RulesView = 'nat-S' | 'save' | 'filter-S' | 'restore';
export type Theme = 'light' | 'dark';
export type Lang = 'en' | 'ko';

export interface ViewSlice {
  /** The node whose rules are shown; null: the first worker. */
  readonly rulesNode: string | null;
  readonly rulesView: RulesView;
  /** Works like `| grep`: a plain substring. */
  readonly rulesFilter: string;
  readonly theme: Theme;
  readonly lang: Lang;
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
  setRulesNode: (rulesNode) => set({ rulesNode }),
  setRulesView: (rulesView) => set({ rulesView }),
  setRulesFilter: (rulesFilter) => set({ rulesFilter }),
  setTheme: (theme) => set({ theme }),
  setLang: (lang) => set({ lang }),
});
