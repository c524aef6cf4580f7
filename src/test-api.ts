/**
 * window.__podpath: a small API for the browser tests (and the curious in devtools). It reads the
 * same store the UI uses and calls its actions; it never reaches around the UI into the engine.
 */
import type { AppState } from './store/app-state.ts';
import type { AppStore } from './store/app-store.ts';
import { selectRulesText } from './store/selectors.ts';
import { editorText } from './ui/editor/editor-handle.ts';

export interface PodpathTestApi {
  readonly store: AppStore;
  state(): AppState;
  rulesText(): string;
  nodeNames(): string[];
  podIps(): string[];
  /** The YAML editor's document (null until the lazy editor has mounted). */
  editorText(): string | null;
  /** Packets drawn on the topology's overlay right now (the trace's and a burst's). */
  packetsInFlight(): number;
}

declare global {
  interface Window {
    __podpath?: PodpathTestApi;
  }
}

export function installTestApi(store: AppStore): void {
  window.__podpath = {
    store,
    state: () => store.getState(),
    rulesText: () => selectRulesText(store.getState()),
    nodeNames: () => store.getState().model?.cluster.nodes.map((n) => n.name) ?? [],
    podIps: () =>
      store
        .getState()
        .model?.cluster.pods.map((p) => p.ip)
        .filter((ip): ip is string => ip !== null) ?? [],
    editorText,
    packetsInFlight: () =>
      Number(document.querySelector('.packet-layer g')?.getAttribute('data-in-flight') ?? 0),
  };
}
