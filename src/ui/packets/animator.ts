/**
 * The packet animator: one clock (d3-timer) drives every packet on screen, packet-render.ts draws
 * each frame with d3-selection inside the overlay's <g>, and React never renders per frame
 * (house-style §4.4). It follows the store with `subscribe` and writes `reachHop(i)` only when the
 * packet reaches another hop.
 */
import { select } from 'd3-selection';
import { now, timer, type Timer } from 'd3-timer';
import type { AppState } from '../../store/app-state.ts';
import type { AppStore } from '../../store/app-store.ts';
import { geometryOf } from './anchors.ts';
import type { Motion } from './motion.ts';
import {
  DWELL,
  EMPTY_TIMELINE,
  buildBurstTimeline,
  buildTraceTimeline,
  framesAt,
  type Timeline,
} from './timeline.ts';
import { renderPackets } from './packet-render.ts';

/** A burst's packets start this many hops apart and fly this many times faster than one trace. */
const BURST_STAGGER = 0.04;
const BURST_RATE = 3;
const BURST_LIMIT = 200;
/** Stepping by one hop while paused glides there in this many seconds. */
const GLIDE_SECONDS = 0.3;
/** A frame never advances the clock by more than this (a background tab coming back). */
const MAX_DT = 0.1;

export interface AnimatorOptions {
  /** The overlay's <g>: everything inside belongs to the animator. */
  readonly layer: SVGGElement;
  readonly store: AppStore;
  readonly motion: Motion;
}

export interface Animator {
  destroy(): void;
}

export function createAnimator({ layer, store, motion }: AnimatorOptions): Animator {
  const snap = motion !== 'smooth';
  let trace: Timeline = EMPTY_TIMELINE;
  let burst: Timeline = EMPTY_TIMELINE;
  /** The trace's clock in hops; -1 shows nothing. */
  let t = -1;
  /** Where a glide (a step while paused) is heading, or null. */
  let glideTo: number | null = null;
  let burstT = 0;
  let burstOn = false;
  /** The last hop index this animator wrote, to tell its own writes from the user's seeks. */
  let reported = -1;
  let last = now();
  let running = false;
  const clock: Timer = timer(() => frame());
  clock.stop();

  const render = () =>
    renderPackets(layer, t >= 0 ? framesAt(trace, t) : [], burstOn ? framesAt(burst, burstT) : []);

  const report = (i: number) => {
    reported = i;
    store.getState().reachHop(i);
  };

  function advance(s: AppState, dt: number) {
    const end = trace.duration;
    if (s.status === 'playing' && trace.tracks.length > 0) {
      t = Math.min(end, Math.max(t, 0) + dt * s.speed);
      const i = t >= end ? end : Math.floor(t);
      if (i !== s.hopIndex || t >= end) report(i);
    } else if (glideTo !== null) {
      const step = (dt * (1 - DWELL)) / GLIDE_SECONDS;
      const goal = glideTo < t ? glideTo + DWELL : glideTo;
      t = goal > t ? Math.min(goal, t + step) : Math.max(goal, t - step);
      if (t === goal) {
        t = glideTo;
        glideTo = null;
      }
    }
    if (burstOn) {
      burstT += dt * s.speed * BURST_RATE;
      if (burstT > burst.duration + 1) burstOn = false;
    }
  }

  function frame() {
    const at = now();
    const dt = Math.min(MAX_DT, (at - last) / 1000);
    last = at;
    const s = store.getState();
    advance(s, dt);
    render();
    const playing = store.getState().status === 'playing' && trace.tracks.length > 0;
    if (!playing && glideTo === null && !burstOn) stop();
  }

  function start() {
    if (running) return;
    running = true;
    last = now();
    clock.restart(() => frame());
  }

  function stop() {
    running = false;
    clock.stop();
  }

  function onSeek(s: AppState) {
    reported = s.hopIndex;
    const from = t;
    if (
      motion === 'smooth' &&
      from >= 0 &&
      Math.abs(s.hopIndex - from) <= 1.01 &&
      s.hopIndex >= 0
    ) {
      if (s.hopIndex > from) t = Math.max(from, Math.floor(from) + DWELL);
      glideTo = s.hopIndex;
    } else {
      glideTo = null;
      t = s.hopIndex;
    }
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.trace !== prev.trace || s.model !== prev.model) {
      trace = s.trace ? buildTraceTimeline(s.trace, geometryOf(s.model), snap) : EMPTY_TIMELINE;
      t = s.hopIndex;
      reported = s.hopIndex;
      glideTo = null;
    }
    if (s.burst !== prev.burst) {
      burstOn = s.burst !== null && motion === 'smooth';
      burst = burstOn
        ? buildBurstTimeline(s.burst!.trace, geometryOf(s.model), BURST_STAGGER, BURST_LIMIT)
        : EMPTY_TIMELINE;
      burstT = 0;
    }
    if (s.hopIndex !== prev.hopIndex && s.hopIndex !== reported) onSeek(s);
    if (s.status === 'playing' && prev.status !== 'playing') {
      glideTo = null;
      if (t < 0) t = 0;
      // Tests: no waiting, the packet is at the end at once (written after this notification).
      if (motion === 'instant') queueMicrotask(() => report(trace.duration));
    }
    if (s.status === 'playing' || glideTo !== null || burstOn) start();
    else if (!running) render();
  });

  // A trace already on screen when the overlay mounts (a remount after the topology changed).
  const s0 = store.getState();
  if (s0.trace) {
    trace = buildTraceTimeline(s0.trace, geometryOf(s0.model), snap);
    t = s0.hopIndex;
    reported = s0.hopIndex;
  }
  render();
  if (s0.status === 'playing') start();

  return {
    destroy() {
      unsubscribe();
      stop();
      select(layer).selectAll('*').remove();
    },
  };
}
