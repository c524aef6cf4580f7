/** The built-in verdicts `-j ACCEPT`, `-j DROP` and `-j RETURN`. */
import type { StepEffect } from '../result.ts';
import type { TargetEvaluator } from '../target-evaluator.ts';
import { fixedAction } from '../target-evaluator.ts';

const ACCEPTED: StepEffect = { kind: 'accept' };
const DROPPED: StepEffect = { kind: 'drop' };
const RETURNED: StepEffect = { kind: 'return' };

const ACCEPT_ACTION = fixedAction({ code: 'accept', effect: ACCEPTED, nat: null });
const DROP_ACTION = fixedAction({ code: 'drop', effect: DROPPED, nat: null });
const RETURN_ACTION = fixedAction({ code: 'return', effect: RETURNED, nat: null });

export const acceptEvaluator: TargetEvaluator = { name: 'ACCEPT', compile: () => ACCEPT_ACTION };

export const dropEvaluator: TargetEvaluator = { name: 'DROP', compile: () => DROP_ACTION };

export const returnEvaluator: TargetEvaluator = { name: 'RETURN', compile: () => RETURN_ACTION };
