import { describe, expect, test } from 'vitest';
import { rulePieces } from './rule-tokens.ts';

describe('rulePieces', () => {
  test('words with hyphens or slashes are kept whole; the text is unchanged', () => {
    const line =
      '-A KUBE-SERVICES -d 10.100.100.100/32 -p tcp -m comment --comment "default/clusterip-service cluster IP" -m tcp --dport 80 -j KUBE-SVC-KUSV3H3OUX7H3MDQ';
    const pieces = rulePieces(line);
    expect(pieces.map((p) => p.text).join('')).toBe(line);
    const kept = pieces.filter((p) => p.keep).map((p) => p.text);
    expect(kept).toContain('--dport');
    expect(kept).toContain('KUBE-SVC-KUSV3H3OUX7H3MDQ');
    expect(kept).toContain('"default/clusterip-service');
    expect(pieces.some((p) => !p.keep && p.text.includes('-'))).toBe(false);
  });

  test('very long words may still wrap; empty and plain lines pass through', () => {
    const long = 'x-'.repeat(30);
    expect(rulePieces(long)).toEqual([{ text: long, keep: false }]);
    expect(rulePieces('')).toEqual([]);
    expect(rulePieces('COMMIT')).toEqual([{ text: 'COMMIT', keep: false }]);
    expect(rulePieces('*nat')).toEqual([{ text: '*nat', keep: false }]);
  });
});
