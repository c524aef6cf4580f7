/** `-m nfacct`: counts into a named accounting object and always matches (objects not modelled). */
import type { MatchEvaluator } from '../match-evaluator.ts';
import { ALWAYS } from '../match-evaluator.ts';

export const nfacctEvaluator: MatchEvaluator = {
  name: 'nfacct',
  pure: true,
  compile: () => ALWAYS,
};
