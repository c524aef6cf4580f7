/**
 * The simulator's only source of randomness: a seeded generator (d3-random's LCG), so the same
 * seed always gives the same backend choices, ports and draws.
 */
import { randomLcg } from 'd3-random';

/** Returns numbers in [0, 1). */
export type Rng = () => number;

/** A generator for `seed` (any integer; the same seed gives the same sequence). */
export function createRng(seed: number): Rng {
  // randomLcg takes a seed in [0, 1); spread integers over it deterministically.
  const s = ((Math.abs(Math.trunc(seed)) * 2654435761) % 4294967296) / 4294967296;
  return randomLcg(s);
}
