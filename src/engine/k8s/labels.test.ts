import { describe, expect, it } from 'vitest';
import { formatLabels, isEmptySelector, matchesMap, matchesSelector, withLabel } from './labels.ts';

describe('labels', () => {
  it('matches map selectors (empty matches all)', () => {
    expect(matchesMap({ app: 'web' }, { app: 'web', tier: 'x' })).toBe(true);
    expect(matchesMap({ app: 'web' }, { app: 'db' })).toBe(false);
    expect(matchesMap({}, {})).toBe(true);
    expect(matchesMap({ toString: 'x' }, {})).toBe(false);
  });

  it('matches label selectors with expressions', () => {
    const labels = { app: 'web', tier: 'front' };
    expect(
      matchesSelector(
        {
          matchLabels: { app: 'web' },
          matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }],
        },
        labels,
      ),
    ).toBe(true);
    expect(
      matchesSelector(
        { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] },
        labels,
      ),
    ).toBe(false);
    expect(
      matchesSelector({ matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] }, labels),
    ).toBe(true);
    expect(
      matchesSelector({ matchExpressions: [{ key: 'env', operator: 'Exists' }] }, labels),
    ).toBe(false);
    expect(matchesSelector(undefined, labels)).toBe(false);
    expect(matchesSelector({}, labels)).toBe(true);
    expect(isEmptySelector({ matchLabels: {} })).toBe(true);
  });

  it('prints selectors with sorted keys and adds labels', () => {
    expect(formatLabels({ tier: 'front', app: 'web' })).toBe('app=web,tier=front');
    expect(withLabel({ matchLabels: { app: 'web' } }, 'pod-template-hash', 'abc')).toEqual({
      matchLabels: { app: 'web', 'pod-template-hash': 'abc' },
    });
  });
});
