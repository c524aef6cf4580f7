import { describe, expect, it } from 'vitest';
import { podsMatching } from './pod-index.ts';

const pods: { name: string; namespace: string; labels: Record<string, string> }[] = [
  { name: 'a', namespace: 'default', labels: { app: 'web', tier: 'front' } },
  { name: 'b', namespace: 'default', labels: { app: 'web' } },
  { name: 'c', namespace: 'other', labels: { app: 'web' } },
  { name: 'd', namespace: 'default', labels: { app: 'db' } },
];

describe('podsMatching', () => {
  it('finds pods of a namespace whose labels include the selector, in list order', () => {
    expect(podsMatching(pods, 'default', { app: 'web' }).map((p) => p.name)).toEqual(['a', 'b']);
    expect(podsMatching(pods, 'default', { app: 'web', tier: 'front' }).map((p) => p.name)).toEqual(
      ['a'],
    );
    expect(podsMatching(pods, 'other', { app: 'web' }).map((p) => p.name)).toEqual(['c']);
    expect(podsMatching(pods, 'default', { app: 'none' })).toEqual([]);
  });

  it('matches every pod of the namespace with an empty selector', () => {
    expect(podsMatching(pods, 'default', {}).map((p) => p.name)).toEqual(['a', 'b', 'd']);
  });

  it('indexes each list separately', () => {
    const fewer = pods.slice(0, 1);
    expect(podsMatching(fewer, 'default', { app: 'web' }).map((p) => p.name)).toEqual(['a']);
    expect(podsMatching(pods, 'default', { app: 'web' }).map((p) => p.name)).toEqual(['a', 'b']);
  });
});
