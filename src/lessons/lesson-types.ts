/**
 * A guided lesson: a short sequence of steps. A step may set the cluster up (YAML, request, rules
 * view), point at parts of the picture, and give the learner a task whose check reads what the
 * engine returned (the trace, the burst, the model): graded on what packets do, not on the YAML.
 */
import type { AppState } from '../store/app-state.ts';
import type { RequestSpec } from '../store/simulation-slice.ts';
import type { Lang, RulesView } from '../store/view-slice.ts';

export type Text = Readonly<Record<Lang, string>>;

export interface StepSetup {
  /** Replaces the editor's text. */
  readonly yaml?: string;
  /** Loads a built-in scenario (`scenarios/<name>`) instead. */
  readonly scenario?: string;
  readonly request?: RequestSpec;
  readonly rulesNode?: string;
  readonly rulesView?: RulesView;
  /** Typed into the rules panel's grep box. */
  readonly rulesFilter?: string;
}

export interface Task {
  /** What to do, one sentence. */
  readonly text: Text;
  /** Whether the engine's output shows it done. */
  readonly check: (s: AppState) => boolean;
  /** Shown after a failed try. */
  readonly hint: Text;
}

export interface LessonStep {
  readonly id: string;
  readonly title: Text;
  /** Plain text; `code` spans in backquotes. */
  readonly body: Text;
  readonly setup?: StepSetup;
  /** Topology anchors to point at (ids as in src/ui/topology/ids.ts: `bridge:node1`, `outside`…). */
  readonly focus?: readonly string[];
  readonly task?: Task;
}

export interface Lesson {
  readonly id: string;
  readonly title: Text;
  readonly summary: Text;
  readonly steps: readonly LessonStep[];
}
