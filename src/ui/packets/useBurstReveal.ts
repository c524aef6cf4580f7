/**
 * The live part of the burst histogram: how many of the burst's connections have "arrived", growing
 * from 0 to all of them in REVEAL_SECONDS (at once with reduced motion or `?speed=instant`).
 * A handful of React updates in all, not one per frame.
 */
import { useEffect, useState } from 'react';
import { timer } from 'd3-timer';
import type { Burst } from '../../store/simulation-slice.ts';
import { currentMotion } from './motion.ts';

const REVEAL_SECONDS = 1.5;
const UPDATE_MS = 100;

export function useBurstReveal(burst: Burst | null): number {
  const [revealed, setRevealed] = useState({ burst, count: Infinity });
  useEffect(() => {
    if (!burst || currentMotion() !== 'smooth') return;
    const total = burst.trace.connections.length;
    let shown = -UPDATE_MS;
    const clock = timer((elapsed) => {
      const done = elapsed >= REVEAL_SECONDS * 1000;
      if (!done && elapsed - shown < UPDATE_MS) return;
      shown = elapsed;
      const count = done ? total : Math.ceil((total * elapsed) / (REVEAL_SECONDS * 1000));
      setRevealed({ burst, count });
      if (done) clock.stop();
    });
    return () => clock.stop();
  }, [burst]);
  // A new burst starts from nothing until its timer runs (all of it when it never will).
  if (revealed.burst !== burst) return burst && currentMotion() === 'smooth' ? 0 : Infinity;
  return revealed.count;
}
