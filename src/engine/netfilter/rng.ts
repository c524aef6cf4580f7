/** Seeded randomness for evaluation contexts: the same seed gives the same draws. */
import { createRng } from '../k8s/naming.ts';

/** A generator of numbers in [0, 1) (mulberry32, 32 bits per draw). */
export function seededRandom(seed: number | string): () => number {
  const rng = createRng(seed);
  return () => rng.next() / 0x100000000;
}
