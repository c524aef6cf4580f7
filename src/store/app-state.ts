/** The whole app state: the slices side by side (zustand's slices pattern). */
import type { LessonSlice } from './lesson-slice.ts';
import type { PlaybackSlice } from './playback-slice.ts';
import type { ScenarioSlice } from './scenario-slice.ts';
import type { SimulationSlice } from './simulation-slice.ts';
import type { ViewSlice } from './view-slice.ts';
import type { WhySlice } from './why-slice.ts';

export type AppState = ScenarioSlice &
  SimulationSlice &
  PlaybackSlice &
  ViewSlice &
  LessonSlice &
  WhySlice;
