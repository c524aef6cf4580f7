import { describe, expect, test } from 'vitest';
import { debounce, type Timers } from './debounce.ts';

/** A hand-driven clock: `advance(ms)` runs what falls due. */
function fakeTimers() {
  let now = 0;
  let queue: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  const timers: Timers = {
    set: (fn, ms) => {
      queue.push({ at: now + ms, fn, id: next });
      return next++;
    },
    clear: (id) => {
      queue = queue.filter((t) => t.id !== id);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const t of queue.filter((q) => q.at <= now)) {
      queue = queue.filter((q) => q !== t);
      t.fn();
    }
  };
  return { timers, advance };
}

describe('debounce', () => {
  test('calls once with the last arguments after the pause', () => {
    const { timers, advance } = fakeTimers();
    const calls: string[] = [];
    const d = debounce((s: string) => calls.push(s), 200, timers);
    d('r');
    advance(100);
    d('re');
    advance(150);
    d('rep');
    expect(calls).toEqual([]);
    expect(d.pending()).toBe(true);
    advance(200);
    expect(calls).toEqual(['rep']);
    expect(d.pending()).toBe(false);
  });

  test('flush runs the pending call now; cancel drops it', () => {
    const { timers, advance } = fakeTimers();
    const calls: string[] = [];
    const d = debounce((s: string) => calls.push(s), 200, timers);
    d('a');
    d.flush();
    expect(calls).toEqual(['a']);
    d.flush();
    expect(calls).toEqual(['a']);
    d('b');
    d.cancel();
    advance(500);
    expect(calls).toEqual(['a']);
  });
});
