/**
 * "Why" links: a click on a field of the YAML marks the rules it produced (and the hops that used
 * them); a click on a rule shows the field it came from. The engine finds both ways
 * (src/engine/why/); this slice only remembers the chosen field, and asks the editor to show it.
 */
import type { StateCreator } from 'zustand';
import {
  fieldAt,
  fieldSpan,
  sourceOfRule,
  type FieldRef,
  type RuleSource,
} from '../engine/index.ts';
import type { AppState } from './app-state.ts';
import { nodeRulesOf } from './rules-text.ts';
import { selectRulesNode } from './selectors.ts';

export interface Why {
  /** The field whose rules are marked. */
  readonly field: FieldRef;
  /** Set when the field was reached from a rule: the rule's key and where it came from. */
  readonly rule?: { readonly key: string; readonly source: RuleSource };
}

export interface WhySlice {
  readonly why: Why | null;
  /** A span of the text the editor should select and scroll to; `seq` tells requests apart. */
  readonly reveal: { readonly from: number; readonly to: number; readonly seq: number } | null;
  /**
   * The field at `offset` of the text (a click in the editor; `text` is the editor's, which may
   * be ahead of the store's while typing); clears when there is none.
   */
  explainAt(offset: number, text?: string): void;
  /** The rule `key` (`<table> <chain> #<n>`) of the rules node: mark its field and show it. */
  explainRule(key: string): void;
  clearWhy(): void;
  /** The editor showed the `reveal` span. */
  revealed(): void;
}

function sameField(a: FieldRef, b: FieldRef): boolean {
  return (
    a.kind === b.kind &&
    a.namespace === b.namespace &&
    a.name === b.name &&
    a.path.length === b.path.length &&
    a.path.every((p, i) => p === b.path[i])
  );
}

export const createWhySlice: StateCreator<AppState, [], [], WhySlice> = (set, get) => ({
  why: null,
  reveal: null,
  explainAt: (offset, text) => {
    const field = fieldAt(text ?? get().yaml, offset);
    const now = get().why;
    // Another click in the same field changes nothing (the marks stay, the panel does not jump).
    if (field && now && !now.rule && sameField(now.field, field)) return;
    // A click on an object's own line names the object: mark everything it produced.
    set({ why: field ? { field } : null });
  },
  explainRule: (key) => {
    const s = get();
    const node = selectRulesNode(s);
    const rules = s.model && node ? nodeRulesOf(s.model, node) : null;
    const source = rules && s.model ? sourceOfRule(s.model.cluster, rules.document, key) : null;
    if (!source) {
      set({ why: null });
      return;
    }
    const shown = source.fields
      .map((field) => ({ field, span: fieldSpan(s.yaml, field) }))
      .find((x) => x.span !== null);
    const field = shown?.field ?? source.fields[0]!;
    set({
      why: { field, rule: { key, source } },
      ...(shown?.span
        ? { reveal: { ...shown.span, seq: (s.reveal?.seq ?? 0) + 1 }, leftTab: 'yaml' as const }
        : {}),
    });
  },
  clearWhy: () => set({ why: null }),
  revealed: () => set({ reveal: null }),
});
