/** The scenario the app opens with: the seed article's cluster (scenarios/article). */
import articleScenario from '../../../scenarios/article/scenario.yaml?raw';

export const DEFAULT_SCENARIO_FILES: readonly { name: string; text: string }[] = [
  { name: 'scenario.yaml', text: articleScenario },
];
