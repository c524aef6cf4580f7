import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenNodeOf, goldenRules, goldenTrace, goldenTraceOf } from './golden-scenarios.ts';

const SCENARIOS = join(import.meta.dirname, '../../scenarios');

// Each scenario's golden iptables-save text, per node; `npm run golden` rewrites them for review.
describe('golden scenarios', () => {
  for (const name of readdirSync(SCENARIOS).sort()) {
    const dir = join(SCENARIOS, name);
    const goldens = readdirSync(dir).filter((f) => goldenNodeOf(f) !== null);
    it(`${name} has golden files`, () => expect(goldens.length).toBeGreaterThan(0));
    const text = readFileSync(join(dir, 'scenario.yaml'), 'utf8');
    for (const args of readdirSync(dir).filter((f) => goldenTraceOf(f) !== null)) {
      const label = goldenTraceOf(args)!;
      it(`${name}: trace.${label}.txt`, () => {
        const argsText = readFileSync(join(dir, args), 'utf8');
        expect(goldenTrace(text, argsText)).toBe(
          readFileSync(join(dir, `trace.${label}.txt`), 'utf8'),
        );
      });
    }
    for (const file of goldens) {
      it(`${name}: ${file}`, () => {
        expect(goldenRules(text, goldenNodeOf(file)!)).toBe(readFileSync(join(dir, file), 'utf8'));
      });
    }
  }
});
