/** Puts the app in a lesson step's starting state, through the store's own actions. */
import type { AppStore } from '../store/app-store.ts';
import type { StepSetup } from './lesson-types.ts';

/** `scenarioText` resolves built-in scenario names (the UI reads them with `?raw`, tests from disk). */
export function applySetup(
  store: AppStore,
  setup: StepSetup | undefined,
  scenarioText: (name: string) => string | undefined,
): void {
  if (!setup) return;
  const s = store.getState();
  if (setup.scenario !== undefined) {
    const text = scenarioText(setup.scenario);
    if (text !== undefined) s.loadScenario(setup.scenario, text);
  } else if (setup.yaml !== undefined) {
    s.loadScenario(null, setup.yaml);
  }
  if (setup.yaml !== undefined || setup.scenario !== undefined) {
    // A new cluster: what was on screen belongs to the old one.
    store.setState({ trace: null, steps: [], burst: null, traceError: null });
    s.resetPlayback();
  }
  if (setup.request) s.setRequest(setup.request);
  if (setup.rulesNode !== undefined) s.setRulesNode(setup.rulesNode);
  if (setup.rulesView !== undefined) s.setRulesView(setup.rulesView);
  if (setup.rulesFilter !== undefined) s.setRulesFilter(setup.rulesFilter);
}
