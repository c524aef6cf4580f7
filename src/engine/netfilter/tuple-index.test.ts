import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Tuple } from './conntrack-entry.ts';
import { TupleIndex } from './tuple-index.ts';

const v4 = fc.constantFrom(0, 1, 0x0a2c0001, 0x0a600001, 0xc0a8380b, 0xffffffff);
const v6 = fc.constantFrom(1n, 0xfd00n << 112n, (0xfd00n << 112n) + 2n);
const port = fc.constantFrom(0, 1, 80, 32768, 65535);

const tupleArb: fc.Arbitrary<Tuple> = fc.oneof(
  fc
    .tuple(fc.constantFrom(1, 6, 17, 132, 255), v4, v4, port, port)
    .map(([proto, s, d, sport, dport]) => ({
      proto,
      src: { family: 4 as const, value: s },
      dst: { family: 4 as const, value: d },
      sport,
      dport,
    })),
  fc.tuple(fc.constantFrom(6, 17), v6, v6, port, port).map(([proto, s, d, sport, dport]) => ({
    proto,
    src: { family: 6 as const, value: s },
    dst: { family: 6 as const, value: d },
    sport,
    dport,
  })),
);

const key = (t: Tuple) =>
  `${t.src.family}|${t.proto}|${t.src.value}|${t.sport}|${t.dst.value}|${t.dport}`;

describe('TupleIndex', () => {
  it('behaves like a Map under random sets and deletes (growth and tombstones included)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('set', 'set', 'delete'), tupleArb, fc.integer()), {
          maxLength: 400,
        }),
        (ops) => {
          const index = new TupleIndex();
          const model = new Map<string, number>();
          for (const [op, t, v] of ops) {
            if (op === 'set') {
              index.set(t, v | 0);
              model.set(key(t), v | 0);
            } else {
              index.delete(t);
              model.delete(key(t));
            }
            expect(index.get(t)).toBe(model.get(key(t)));
          }
          expect(index.size).toBe(model.size);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('adds a pair only when neither tuple is held, like has/has/set/set on a Map', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom('pair', 'pair', 'delete'), tupleArb, tupleArb, fc.integer()),
          { maxLength: 300 },
        ),
        (ops) => {
          const index = new TupleIndex();
          const model = new Map<string, number>();
          for (const [op, a, b, v] of ops) {
            if (op === 'pair') {
              const free = !model.has(key(a)) && !model.has(key(b));
              expect(index.addPair(a, v | 0, b, -v | 0)).toBe(free);
              if (free) {
                model.set(key(a), v | 0);
                model.set(key(b), -v | 0);
              }
            } else {
              index.delete(a);
              model.delete(key(a));
            }
            expect(index.get(a)).toBe(model.get(key(a)));
            expect(index.get(b)).toBe(model.get(key(b)));
          }
          expect(index.size).toBe(model.size);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('holds many connections', () => {
    const index = new TupleIndex();
    const t = (i: number): Tuple => ({
      proto: 6,
      src: { family: 4, value: 0x0a2c0000 + (i >> 10) },
      dst: { family: 4, value: 0x0a600000 + (i & 1023) },
      sport: 32768 + (i % 28000),
      dport: 80,
    });
    for (let i = 0; i < 50_000; i++) index.set(t(i), i + 1);
    for (let i = 0; i < 50_000; i += 2) index.delete(t(i));
    expect(index.size).toBe(25_000);
    for (let i = 0; i < 50_000; i++) expect(index.get(t(i))).toBe(i % 2 ? i + 1 : undefined);
  });
});
