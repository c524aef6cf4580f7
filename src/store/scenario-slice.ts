/**
 * The scenario: the YAML text, what the engine made of it, and the last good picture.
 * Engine output is computed here, once per input change (house-style §2.3); components only read it.
 */
import type { StateCreator } from 'zustand/vanilla';
import {
  buildNetwork,
  compileScenario,
  hasErrors,
  setCni,
  setReplicas,
  setWorkers,
  workersOf,
  type ClusterModel,
  type ClusterNetwork,
  type CniKind,
  type Diagnostic,
  type EditResult,
} from '../engine/index.ts';
import type { AppState } from './app-state.ts';

/** A cluster the engine built without errors, and its wiring: what the topology and rules show. */
export interface Model {
  readonly cluster: ClusterModel;
  readonly network: ClusterNetwork;
  /** Counts good compilations, so views can tell a new model from the same one. */
  readonly version: number;
}

export interface ScenarioSlice {
  /** The editor's text, exactly as typed. */
  readonly yaml: string;
  /** Which built-in scenario the text came from (`article`, …), or null once loaded from elsewhere. */
  readonly scenarioName: string | null;
  readonly diagnostics: readonly Diagnostic[];
  /** The last good model; kept while the text has errors. */
  readonly model: Model | null;
  /** The model before the last change, for the rules panel's added/removed marks. */
  readonly previousModel: Model | null;
  /** True while the text has errors and the picture shows the last good model. */
  readonly stale: boolean;
  /** The last cluster action's refusal (e.g. "fix the YAML errors first"). */
  readonly actionError: string | null;
  setYaml(text: string): void;
  loadScenario(name: string | null, text: string): void;
  scale(namespace: string, name: string, replicas: number): void;
  addWorker(): void;
  removeWorker(): void;
  setCni(cni: CniKind): void;
}

export const createScenarioSlice: StateCreator<AppState, [], [], ScenarioSlice> = (set, get) => {
  /**
   * Compiles `text` and stores the result; keeps the last good model when it has errors.
   * `fresh`: a scenario was loaded, so there is no "before" to compare the rules with.
   */
  const apply = (text: string, scenarioName: string | null, fresh = false) => {
    const state = get();
    const result = compileScenario([{ name: 'scenario.yaml', text }]);
    const good = result.cluster !== null && !hasErrors(result.diagnostics);
    if (!good) {
      set({
        yaml: text,
        scenarioName,
        diagnostics: result.diagnostics,
        stale: state.model !== null,
      });
      return;
    }
    const cluster = result.cluster as ClusterModel;
    const model: Model = {
      cluster,
      network: buildNetwork(cluster),
      version: (state.model?.version ?? 0) + 1,
    };
    set({
      yaml: text,
      scenarioName,
      diagnostics: result.diagnostics,
      model,
      previousModel: fresh ? null : state.model,
      stale: false,
      actionError: null,
    });
    get().onModelChanged();
  };

  /** Runs a text edit (cluster action); a refusal is shown, the text stays. */
  const edit = (change: (text: string) => EditResult) => {
    const r = change(get().yaml);
    if (!r.ok) set({ actionError: r.error });
    else apply(r.value, get().scenarioName);
  };

  return {
    yaml: '',
    scenarioName: null,
    diagnostics: [],
    model: null,
    previousModel: null,
    stale: false,
    actionError: null,
    setYaml: (text) => {
      if (text !== get().yaml) apply(text, get().scenarioName);
    },
    loadScenario: (name, text) => apply(text, name, true),
    scale: (namespace, name, replicas) => edit((t) => setReplicas(t, namespace, name, replicas)),
    addWorker: () => edit((t) => setWorkers(t, workersOf(t) + 1)),
    removeWorker: () =>
      edit((t) => {
        const n = workersOf(t);
        return n <= 1
          ? { ok: false, error: 'the lab keeps at least one worker' }
          : setWorkers(t, n - 1);
      }),
    setCni: (cni) => edit((t) => setCni(t, cni)),
  };
};
