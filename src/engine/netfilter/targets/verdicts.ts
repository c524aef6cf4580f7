/** The built-in verdicts `-j ACCEPT`, `-j DROP` and `-j RETURN`. */
import type { StepEffect } from '../result.ts';
import type { TargetEvaluator } from '../target-evaluator.ts';

const ACCEPTED: StepEffect = { kind: 'accept' };
const DROPPED: StepEffect = { kind: 'drop' };
const RETURNED: StepEffect = { kind: 'return' };

export const acceptEvaluator: TargetEvaluator = {
  name: 'ACCEPT',
  compile: () => (run) => {
    run.effect = ACCEPTED;
    return 'accept';
  },
};

export const dropEvaluator: TargetEvaluator = {
  name: 'DROP',
  compile: () => (run) => {
    run.effect = DROPPED;
    return 'drop';
  },
};

export const returnEvaluator: TargetEvaluator = {
  name: 'RETURN',
  compile: () => (run) => {
    run.effect = RETURNED;
    return 'return';
  },
};
