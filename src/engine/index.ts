/**
 * The engine's only door: everything the UI, the CLI and the scripts may use.
 *
 * @example
 * const { cluster, diagnostics } = compileScenario([{ name: 'scenario.yaml', text }]);
 * if (cluster) console.log(renderNodeRules(cluster, { node: 'node1', format: 'S', table: 'nat' }));
 */
export type { Diagnostic, Severity } from './diagnostics.ts';
export { formatDiagnostic, hasErrors } from './diagnostics.ts';

export type {
  ClusterModel,
  ClusterNode,
  ClusterPod,
  ClusterWorkload,
  CompileResult,
  KubeProxySettings,
  SourceRef,
} from './k8s/cluster-model.ts';
export type { EndpointSlice, Service } from './k8s/api-types.ts';
export { compileManifests as compileScenario } from './k8s/compile.ts';

export type { ProxierConfig } from './kubeproxy/config.ts';
export { defaultProxierConfig } from './kubeproxy/config.ts';
export type { RestoreDocument, RestoreLine, RuleOrigin } from './kubeproxy/restore-document.ts';
export { formatRestoreDocument } from './kubeproxy/restore-document.ts';
export { generateRestoreDocument } from './kubeproxy/generate.ts';
export { clearChainNameCache } from './kubeproxy/chain-names.ts';
export type { NodeRules, RuleFormat, RuleTable } from './kubeproxy/node-rules.ts';
export {
  computeNodeRules,
  formatNodeRules,
  nodeRulesOf,
  renderNodeRules,
} from './kubeproxy/node-rules.ts';
export { loadRestore, withKubeProxyJumps } from './kubeproxy/kernel.ts';

export { renderS, renderSave } from './iptables/save.ts';
export { parseSave, parseS } from './iptables/parse-save.ts';

export type { ConformanceCase } from './conformance/case-types.ts';
export type { CaseResult, CheckResult } from './conformance/run-case.ts';
export { runConformanceCase } from './conformance/run-case.ts';

export type { Protocol, ResolvedRequest, Source, Target, TraceRequest } from './sim/request.ts';
export { parseSource, parseTarget, resolveRequest } from './sim/request.ts';
export type {
  ConnectionTrace,
  Hop,
  HopKind,
  Outcome,
  PacketTrace,
  PacketView,
  RuleStep,
  Trace,
} from './sim/trace.ts';
export type { SimulateOptions } from './sim/simulate.ts';
export { simulate } from './sim/simulate.ts';
export {
  formatDistribution,
  formatHop,
  formatOutcome,
  formatPacket,
  formatTrace,
} from './sim/format-trace.ts';
export type {
  AddressOwner,
  PodName,
  TraceLanguage,
  TraceMessage,
  TraceMessageArgs,
  TraceMessageId,
  TraceMessageRenderers,
  TraceText,
} from './sim/trace-messages.ts';
export { renderTraceText, TRACE_TEXT_EN } from './sim/note-text.ts';
export type { TraceSpec } from './sim/trace-text.ts';
export { parseTraceArgs, runTraceSpec, traceText } from './sim/trace-text.ts';

export type { CniKind } from './k8s/cluster-model.ts';
export type { EditResult } from './k8s/edit-scenario.ts';
export { setCni, setReplicas, setWorkers, workersOf } from './k8s/edit-scenario.ts';

export type {
  BridgePort,
  ClusterNetwork,
  NetInterface,
  NetNamespace,
  NodeBridge,
  NodeNetwork,
} from './cni/network-model.ts';
export { buildNetwork } from './cni/build-network.ts';
export type { TraceMarkdownWords } from './sim/format-markdown.ts';
export { formatTraceMarkdown, TRACE_MARKDOWN_EN } from './sim/format-markdown.ts';

export type { FieldRef } from './why/field-ref.ts';
export { fieldAt, fieldSpan, formatFieldPath } from './why/field-ref.ts';
export type { RuleSource } from './why/why.ts';
export { rulesOfField, sourceOfRule } from './why/why.ts';
export { ruleKey } from './why/rule-keys.ts';
