/**
 * The netfilter evaluator: packets and contexts, the linear (oracle) and fast (compiled, indexed)
 * table evaluators, the hook runner and conntrack. The simulator glue uses this folder's API.
 *
 * @example
 * const compiled = compileRuleset(ruleset);
 * if (!compiled.ok) throw new Error(formatNetfilterError(compiled.error));
 * const conntrack = createConntrackTable();
 * const state = createEvalState();
 * const packet = makePacket({ src: '10.44.0.2', dst: '10.96.0.10', proto: 'udp', sport: 40000, dport: 53 });
 * const ct = conntrackIn(conntrack, packet, 0);
 * const ctx = makeContext({ inIface: 'weave', addresses: ['eth0 192.168.56.11/24'], ct, rng: seededRandom(1) });
 * const pre = runHook(fastEvaluator(compiled.value), 'PREROUTING', packet, ctx, state, { conntrack });
 * console.log(pre.tables.map((t) => (t.result ? formatSteps(t.result) : t.table)).join('\n'));
 */
export type { Packet, PacketSpec } from './packet.ts';
export {
  makePacket,
  packetFamily,
  withDestination,
  withMark,
  withSource,
  TCP_ACK,
  TCP_FIN,
  TCP_PSH,
  TCP_RST,
  TCP_SYN,
  TCP_URG,
} from './packet.ts';
export type {
  ContextSpec,
  CtDir,
  CtInfo,
  CtState,
  EvalContext,
  InterfaceAddress,
  PhysdevInfo,
} from './context.ts';
export { makeContext, NO_CT, parseInterfaceAddress } from './context.ts';
export { seededRandom } from './rng.ts';
export type { EvalState, RuleCounter } from './eval-state.ts';
export { cloneEvalState, counterOf, createEvalState } from './eval-state.ts';
export type {
  MatchNote,
  NatBinding,
  PortRange,
  Step,
  StepEffect,
  TableResult,
  Verdict,
} from './result.ts';
export type { NetfilterError } from './errors.ts';
export { formatNetfilterError } from './errors.ts';
export {
  evaluateChainLinear as evaluateChain,
  evaluateTableLinear as evaluateTable,
} from './linear.ts';
export type { CompiledRuleset, CompileOptions } from './compiled-ruleset.ts';
export { compileRuleset } from './compiled-ruleset.ts';
export { evaluateChainFast, evaluateTableFast } from './fast.ts';
export type { RulesetEvaluator } from './ruleset-evaluator.ts';
export { fastEvaluator, linearEvaluator } from './ruleset-evaluator.ts';
export type { Hook, HookResult, NatApplied, RunHookOptions, TableRun } from './hook.ts';
export { HOOK_TABLES, runHook } from './hook.ts';
export { formatSteps } from './format-steps.ts';
export type { ConntrackEntry, TcpCtState, Tuple } from './conntrack-entry.ts';
export { invertTuple, packetTuple } from './conntrack-entry.ts';
export type { ConntrackTable } from './conntrack.ts';
export {
  conntrackAdvance,
  conntrackConfirm,
  conntrackCreate,
  conntrackDelete,
  conntrackEntries,
  conntrackExpire,
  conntrackIn,
  conntrackLookup,
  createConntrackTable,
} from './conntrack.ts';
export type { ConntrackTimeouts } from './conntrack-timeouts.ts';
export { DEFAULT_TIMEOUTS } from './conntrack-timeouts.ts';
export type { NatManip } from './conntrack-nat.ts';
export { bindDnat, bindSnat, chooseSourcePort, translatePacket } from './conntrack-nat.ts';
export { formatConntrackEntry, formatConntrackList } from './conntrack-format.ts';
