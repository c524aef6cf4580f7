/** Target evaluators by name: the built-in verdicts and every `-j` extension of the iptables registry. */
import type { TargetEvaluator } from './target-evaluator.ts';
import { dnatEvaluator } from './targets/dnat.ts';
import { logEvaluator } from './targets/log.ts';
import { markTargetEvaluator } from './targets/mark.ts';
import { masqueradeEvaluator } from './targets/masquerade.ts';
import { nflogEvaluator } from './targets/nflog.ts';
import { rejectEvaluator } from './targets/reject.ts';
import { snatEvaluator } from './targets/snat.ts';
import { acceptEvaluator, dropEvaluator, returnEvaluator } from './targets/verdicts.ts';

export const TARGET_EVALUATORS: ReadonlyMap<string, TargetEvaluator> = new Map(
  [
    acceptEvaluator,
    dropEvaluator,
    returnEvaluator,
    dnatEvaluator,
    logEvaluator,
    markTargetEvaluator,
    masqueradeEvaluator,
    nflogEvaluator,
    rejectEvaluator,
    snatEvaluator,
  ].map((e) => [e.name, e]),
);
