/**
 * Where the learner is in the guided lessons, and what they have done (kept in the browser by
 * src/ui/app/boot.ts). The lessons themselves are data in src/lessons/.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './app-state.ts';

export interface LessonPosition {
  readonly id: string;
  readonly step: number;
}

export interface LessonSlice {
  /** The open lesson and step, or null when exploring freely. */
  readonly lesson: LessonPosition | null;
  /** Finished tasks as `lesson/step`, and the last step reached per lesson (to resume). */
  readonly lessonDone: readonly string[];
  readonly lessonResume: Readonly<Record<string, number>>;
  /** Topology anchors the open step points at (`bridge:node1`, `outside`…). */
  readonly lessonFocus: readonly string[];
  openLesson(position: LessonPosition): void;
  closeLesson(): void;
  markStepDone(key: string): void;
  setLessonFocus(anchors: readonly string[]): void;
}

const NO_FOCUS: readonly string[] = [];

export const createLessonSlice: StateCreator<AppState, [], [], LessonSlice> = (set, get) => ({
  lesson: null,
  lessonDone: [],
  lessonResume: {},
  lessonFocus: NO_FOCUS,
  openLesson: (position) =>
    set({
      lesson: position,
      lessonResume: { ...get().lessonResume, [position.id]: position.step },
    }),
  closeLesson: () => set({ lesson: null, lessonFocus: NO_FOCUS }),
  markStepDone: (key) => {
    if (!get().lessonDone.includes(key)) set({ lessonDone: [...get().lessonDone, key] });
  },
  setLessonFocus: (anchors) => {
    const now = get().lessonFocus;
    if (anchors.length === now.length && anchors.every((a, i) => a === now[i])) return;
    set({ lessonFocus: anchors.length === 0 ? NO_FOCUS : anchors });
  },
});
