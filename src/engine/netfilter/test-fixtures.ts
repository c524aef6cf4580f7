/**
 * Named test data shared by this folder's tests: rulesets from iptables-save text, a kube-proxy
 * node with N ClusterIP Services (as scripts/bench.ts builds it), and one-rule rulesets.
 */
import type { EndpointSlice, Service } from '../k8s/api-types.ts';
import { defaultProxierConfig } from '../kubeproxy/config.ts';
import type { ProxierConfig } from '../kubeproxy/config.ts';
import { generateRestoreDocument } from '../kubeproxy/generate.ts';
import { loadRestore, withKubeProxyJumps } from '../kubeproxy/kernel.ts';
import { formatRestoreDocument } from '../kubeproxy/restore-document.ts';
import { parseSave } from '../iptables/parse-save.ts';
import type { Ruleset, TableName } from '../iptables/ruleset.ts';
import type { IpFamily } from '../net/ip.ts';
import type { CompiledRuleset, CompileOptions } from './compiled-ruleset.ts';
import { compileRuleset } from './compiled-ruleset.ts';
import type { ContextSpec } from './context.ts';
import { makeContext } from './context.ts';
import type { EvalState } from './eval-state.ts';
import { cloneEvalState, createEvalState } from './eval-state.ts';
import { evaluateChainFast } from './fast.ts';
import { evaluateChainLinear } from './linear.ts';
import type { Packet, PacketSpec } from './packet.ts';
import { makePacket } from './packet.ts';
import type { TableResult } from './result.ts';
import { seededRandom } from './rng.ts';

/** A ruleset from iptables-save text; throws on a parse error (test data must be valid). */
export function rulesetFromSave(text: string, family: IpFamily = 4): Ruleset {
  const r = parseSave(text, family);
  if (!r.ok) throw new Error(`${r.error.summary}: ${r.error.reason}`);
  return r.value;
}

/** filter INPUT with policy DROP and one rule `-A INPUT <args> -j ACCEPT`: ACCEPT means "matched". */
export function oneRuleRuleset(args: string, family: IpFamily = 4): Ruleset {
  return rulesetFromSave(
    `*filter\n:INPUT DROP [0:0]\n-A INPUT ${args} -j ACCEPT\nCOMMIT\n`,
    family,
  );
}

/** `services` ClusterIP Services `10.96.x.y:80/TCP` with `perService` ready endpoints each. */
export function syntheticCluster(services: number, perService: number) {
  const svcs: Service[] = [];
  const slices: EndpointSlice[] = [];
  for (let i = 0; i < services; i++) {
    const name = `svc-${i}`;
    svcs.push({
      metadata: { namespace: 'bench', name },
      spec: {
        type: 'ClusterIP',
        clusterIP: clusterIpOf(i),
        ports: [{ name: 'http', protocol: 'TCP', port: 80 }],
      },
    });
    slices.push({
      metadata: {
        namespace: 'bench',
        name: `${name}-x`,
        labels: { 'kubernetes.io/service-name': name },
      },
      addressType: 'IPv4',
      ports: [{ name: 'http', protocol: 'TCP', port: 8080 }],
      endpoints: Array.from({ length: perService }, (_, k) => {
        const n = i * perService + k;
        return {
          addresses: [`10.${32 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`],
          conditions: { ready: true },
          nodeName: `node${(n % 4) + 1}`,
        };
      }),
    });
  }
  return { services: svcs, endpointSlices: slices };
}

/** The cluster IP of synthetic Service `i`. */
export function clusterIpOf(i: number): string {
  return `10.${96 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;
}

/** node1's kernel tables after kube-proxy synced `input` (jump rules, then the restore document). */
export function kubeProxyRuleset(
  input: ReturnType<typeof syntheticCluster>,
  config: ProxierConfig = defaultProxierConfig('node1', '192.168.56.11'),
): Ruleset {
  const doc = formatRestoreDocument(generateRestoreDocument(input, config));
  const loaded = loadRestore(withKubeProxyJumps(config), doc);
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.ruleset;
}

/** Deep equality of plain data (objects, arrays, Maps, Sets, bigints, NaN-free numbers). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map && b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !deepEqual(v, b.get(k))) return false;
    return true;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** Both evaluators on copies of one state, each with its own rng of the same seed. */
export interface BothResults {
  /** Linear (oracle) result. */
  readonly linear: TableResult;
  /** Fast result. */
  readonly fast: TableResult;
  /** State after the linear evaluation. */
  readonly linearState: EvalState;
  /** State after the fast evaluation. */
  readonly fastState: EvalState;
  /** Values the linear evaluation drew, in order. */
  readonly linearDraws: readonly number[];
  /** Values the fast evaluation drew, in order. */
  readonly fastDraws: readonly number[];
}

const COMPILED = new WeakMap<Ruleset, CompiledRuleset>();

function compiledOf(ruleset: Ruleset, options?: CompileOptions): CompiledRuleset {
  const known = options ? undefined : COMPILED.get(ruleset);
  if (known) return known;
  const r = compileRuleset(ruleset, options);
  if (!r.ok) throw new Error(r.error.message);
  if (!options) COMPILED.set(ruleset, r.value);
  return r.value;
}

/** Evaluates `chain` of `table` with both evaluators (rng seeded by `spec.seed`, default 1). */
export function evaluateBoth(
  ruleset: Ruleset,
  table: TableName,
  chain: string,
  packet: Packet,
  spec: ContextSpec & { readonly seed?: number } = {},
  state: EvalState = createEvalState(),
  options?: CompileOptions,
): BothResults {
  const run = (draws: number[]) => {
    const base = spec.rng ?? seededRandom(spec.seed ?? 1);
    return makeContext({
      ...spec,
      rng: () => {
        const d = base();
        draws.push(d);
        return d;
      },
    });
  };
  const linearDraws: number[] = [];
  const fastDraws: number[] = [];
  const linearState = cloneEvalState(state);
  const fastState = cloneEvalState(state);
  const linear = evaluateChainLinear(ruleset, table, chain, packet, run(linearDraws), linearState);
  const fast = evaluateChainFast(
    compiledOf(ruleset, options),
    table,
    chain,
    packet,
    run(fastDraws),
    fastState,
  );
  return { linear, fast, linearState, fastState, linearDraws, fastDraws };
}

/** Whether both evaluators agree on everything (result, state, draws). */
export function agree(r: BothResults): boolean {
  return (
    deepEqual(r.linear, r.fast) &&
    deepEqual(r.linearState, r.fastState) &&
    deepEqual(r.linearDraws, r.fastDraws)
  );
}

/**
 * Whether `-A INPUT <args> -j ACCEPT` matches the packet; throws if the evaluators disagree or
 * fail, so every single-rule test also checks fast against linear.
 */
export function ruleMatches(
  args: string,
  packet: PacketSpec | Packet,
  spec: ContextSpec & { readonly seed?: number } = {},
  family: IpFamily = 4,
): boolean {
  const p =
    'src' in packet && typeof packet.src === 'string'
      ? makePacket(packet as PacketSpec)
      : (packet as Packet);
  const r = evaluateBoth(oneRuleRulesetCached(args, family), 'filter', 'INPUT', p, spec);
  if (!agree(r)) throw new Error(`evaluators disagree on ${args}`);
  const v = r.linear.verdict;
  if (v.kind === 'ERROR') throw new Error(v.error.message);
  return v.kind === 'ACCEPT';
}

const ONE_RULE = new Map<string, Ruleset>();

function oneRuleRulesetCached(args: string, family: IpFamily): Ruleset {
  const key = `${family} ${args}`;
  let rs = ONE_RULE.get(key);
  if (!rs) ONE_RULE.set(key, (rs = oneRuleRuleset(args, family)));
  return rs;
}
