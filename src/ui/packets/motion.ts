/**
 * How packets move: `smooth` (along the links), `jump` (hop to hop, for prefers-reduced-motion) or
 * `instant` (`?speed=instant`, for tests: hop to hop, and playing jumps straight to the end).
 */
export type Motion = 'smooth' | 'jump' | 'instant';

export function motionOf(search: string, reducedMotion: boolean): Motion {
  if (new URLSearchParams(search).get('speed') === 'instant') return 'instant';
  return reducedMotion ? 'jump' : 'smooth';
}

/** The browser's current motion setting. */
export function currentMotion(): Motion {
  const reduced =
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  return motionOf(window.location.search, reduced);
}
