/**
 * Playback of the trace on screen: coarse state only (house-style §4.4 and §2.3). The animator
 * keeps the per-frame clock; it writes `hopIndex` when the packet reaches another hop.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './app-state.ts';

export type PlaybackStatus = 'idle' | 'playing' | 'paused' | 'done';

export interface PlaybackSlice {
  readonly status: PlaybackStatus;
  /** Hops per second. */
  readonly speed: number;
  /** Index into `steps`: the hop under the packet (or selected), -1 before the first. */
  readonly hopIndex: number;
  play(): void;
  pause(): void;
  togglePlay(): void;
  /** Moves to hop `i` (clamped) and pauses: the event list's click, the arrow keys. */
  seek(i: number): void;
  step(delta: 1 | -1): void;
  setSpeed(speed: number): void;
  /** Called by the animator as the packet crosses into another hop. */
  reachHop(i: number): void;
  resetPlayback(): void;
}

export const SPEEDS: readonly number[] = [0.5, 1, 2, 4, 8];

export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set, get) => {
  const last = () => get().steps.length - 1;
  return {
    status: 'idle',
    speed: 2,
    hopIndex: -1,
    play: () => {
      if (get().steps.length === 0) return;
      // Playing from the end starts over.
      if (get().hopIndex >= last()) set({ hopIndex: -1 });
      set({ status: 'playing' });
    },
    pause: () => {
      if (get().status === 'playing') set({ status: 'paused' });
    },
    togglePlay: () => (get().status === 'playing' ? get().pause() : get().play()),
    seek: (i) => {
      const n = get().steps.length;
      if (n === 0) return;
      const hopIndex = Math.max(0, Math.min(n - 1, i));
      set({ hopIndex, status: hopIndex === n - 1 ? 'done' : 'paused' });
    },
    step: (delta) => get().seek(get().hopIndex + delta),
    setSpeed: (speed) => set({ speed }),
    reachHop: (i) => {
      const n = get().steps.length;
      if (i >= n - 1) set({ hopIndex: n - 1, status: 'done' });
      else if (i !== get().hopIndex) set({ hopIndex: i });
    },
    resetPlayback: () => set({ hopIndex: -1, status: 'idle' }),
  };
};
