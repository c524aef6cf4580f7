/** `-m comment`: always matches (the text is for people). */
import type { MatchEvaluator } from '../match-evaluator.ts';
import { ALWAYS } from '../match-evaluator.ts';

export const commentEvaluator: MatchEvaluator = {
  name: 'comment',
  pure: true,
  compile: () => ALWAYS,
};
