/** The built-in scenarios (the top-level `scenarios/` folder), by folder name. */
const texts = import.meta.glob('../../../scenarios/*/scenario.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export const SCENARIOS: ReadonlyMap<string, string> = new Map(
  Object.entries(texts)
    .map(([path, text]) => [/scenarios\/([^/]+)\/scenario\.yaml$/.exec(path)![1]!, text] as const)
    .sort(([a], [b]) => (a === 'article' ? -1 : b === 'article' ? 1 : a.localeCompare(b))),
);

export const DEFAULT_SCENARIO = 'article';

export function scenarioText(name: string): string | undefined {
  return SCENARIOS.get(name);
}
