/**
 * A trailing debounce with `flush` (run the pending call now: before unload, on unmount) and
 * `cancel` (drop it: the text was replaced from elsewhere). Timers are injectable for tests.
 */
export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  flush(): void;
  cancel(): void;
  pending(): boolean;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function debounce<A extends unknown[]>(
  fn: (...args: A) => void,
  ms: number,
  timers: Timers = realTimers,
): Debounced<A> {
  let handle: unknown = null;
  let lastArgs: A | null = null;
  const run = () => {
    const args = lastArgs;
    handle = null;
    lastArgs = null;
    if (args) fn(...args);
  };
  const debounced = (...args: A) => {
    lastArgs = args;
    if (handle !== null) timers.clear(handle);
    handle = timers.set(run, ms);
  };
  debounced.flush = () => {
    if (handle === null) return;
    timers.clear(handle);
    run();
  };
  debounced.cancel = () => {
    if (handle !== null) timers.clear(handle);
    handle = null;
    lastArgs = null;
  };
  debounced.pending = () => handle !== null;
  return debounced;
}
