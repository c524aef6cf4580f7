import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { createAppStore } from '../../store/app-store.ts';
import { getLayout } from '../topology/layout.ts';
import { topologySvg } from './topology-svg.ts';

const ARTICLE = readFileSync(
  new URL('../../../scenarios/article/scenario.yaml', import.meta.url),
  'utf8',
);

test('the topology SVG is well-formed and shows the nodes, pods and the overlay', () => {
  const model = createAppStore({ yaml: ARTICLE }).getState().model!;
  const svg = topologySvg(getLayout(model));
  // Well-formed: every element opened is closed, in order.
  const stack: string[] = [];
  for (const [, close, name, self] of svg.matchAll(/<(\/?)([a-z]+)[^>]*?(\/?)>/g)) {
    if (close) expect(stack.pop()).toBe(name);
    else if (!self) stack.push(name!);
  }
  expect(stack).toEqual([]);
  for (const text of [
    'master (control-plane)',
    '192.168.56.11',
    'kube-proxy · weave-net',
    '10.36.0.1',
    '10.36.0.3',
    'clusterip-service',
    'VXLAN UDP 6784',
  ])
    expect(svg).toContain(text);
});
