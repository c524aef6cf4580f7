/**
 * Runs one kube-proxy conformance case (shared/fixtures/kube-proxy/README.md) through the engine
 * and reports each check: the normalised restore text, single chains, special rule assertions,
 * packet flows (upstream's simplified tracer over the restore text, then podpath's real evaluator
 * with conntrack over the kernel tables, real-tracer.ts) and the iptables-save rendering.
 */
import { proxierConfigFromCase } from './case-config.ts';
import type { CaseExpectations, CaseStep, ConformanceCase } from './case-types.ts';
import { diffLines } from './text-diff.ts';
import { chainRules, normaliseRestore } from '../kubeproxy/normalise.ts';
import { syncProxyRules, type ProxierState } from '../kubeproxy/sync.ts';
import type { ProxierConfig } from '../kubeproxy/config.ts';
import { traceUpstream } from './upstream-tracer.ts';
import { KernelTables } from './kernel-tables.ts';
import { checkFlowReal, flowNode, REAL_TRACER_CONNECTIONS } from './real-tracer.ts';

export interface CheckResult {
  /** e.g. `step 2: nat`, `packet flow "hairpin to cluster IP"`. */
  readonly name: string;
  readonly ok: boolean;
  /** A diff or explanation when the check failed. */
  readonly detail?: string;
}

export interface CaseResult {
  readonly name: string;
  readonly checks: readonly CheckResult[];
}

/** Keys of `expected` that describe a check rather than being one. */
const DESCRIPTIVE_KEYS = new Set([
  'textSource',
  'comparison',
  'note',
  'notes',
  'assertionDescription',
]);

function textCheck(name: string, expected: string, actual: string): CheckResult {
  const norm = (s: string) => s.replace(/^\s+/, '');
  if (norm(expected) === norm(actual)) return { name, ok: true };
  return { name, ok: false, detail: diffLines(norm(expected), norm(actual)) };
}

/**
 * Whether a later step is a full sync (upstream's syncs after the first are partial unless
 * something forced a full one, e.g. a failed restore). Cases may say so as `fullSync: true`,
 * `partialSync: false` or `syncKind`/`sync: "full"`.
 */
function isFullSync(step: CaseStep): boolean {
  if (step.fullSync === true || step['partialSync'] === false) return true;
  return [step.syncKind, step['sync'], step['syncType']].some(
    (v) => typeof v === 'string' && v.toLowerCase() === 'full',
  );
}

function checkExpectations(
  label: string,
  exp: CaseExpectations | undefined,
  restoreText: string,
  config: ProxierConfig,
): CheckResult[] {
  const out: CheckResult[] = [];
  if (!exp) return out;
  const normalised = normaliseRestore(restoreText);
  for (const [key, value] of Object.entries(exp)) {
    if (DESCRIPTIVE_KEYS.has(key)) continue;
    if (key === 'filter' || key === 'nat') {
      if (typeof value === 'string')
        out.push(textCheck(`${label}${key}`, value, normalised.get(key) ?? ''));
    } else if (key === 'chains') {
      for (const [table, chains] of Object.entries(exp.chains ?? {})) {
        for (const [chain, rules] of Object.entries(chains)) {
          const actual = chainRules(restoreText, table, chain)
            .map((r) => r + '\n')
            .join('');
          out.push(textCheck(`${label}${table} ${chain}`, rules, actual));
        }
      }
    } else if (key === 'ruleAssertion' && exp.ruleAssertion) {
      const a = exp.ruleAssertion;
      const found = chainRules(restoreText, a.table, a.chain).some((r) =>
        r.split(' ').some((w, i, ws) => w === '-d' && ws[i + 1] === a.destinationAddress),
      );
      out.push({
        name: `${label}${a.table} ${a.chain} has a rule for -d ${a.destinationAddress}: ${a.exists}`,
        ok: found === a.exists,
        ...(found === a.exists ? {} : { detail: `found: ${found}` }),
      });
    } else if (key === 'packetFlows') {
      for (const flow of exp.packetFlows ?? []) {
        const got = traceUpstream(restoreText, flow, config);
        const ok = got.output === flow.output && got.masq === flow.masq;
        out.push({
          name: `${label}packet flow "${flow.name}"`,
          ok,
          ...(ok
            ? {}
            : {
                detail: `expected output "${flow.output}" masq ${flow.masq}, got "${got.output}" masq ${got.masq}`,
              }),
        });
      }
    } else {
      out.push({ name: `${label}${key}`, ok: false, detail: `unsupported assertion "${key}"` });
    }
  }
  return out;
}

/**
 * The real tracer's check of each packet flow of a step: sampled connections through the node's
 * kernel tables after this sync (`kernel` null: the tables did not load, so every flow fails).
 */
function realFlowChecks(
  label: string,
  caseName: string,
  step: CaseStep,
  kernel: KernelTables | null,
  config: ProxierConfig,
): CheckResult[] {
  const flows = step.expected?.packetFlows ?? [];
  if (flows.length === 0) return [];
  const node = kernel ? flowNode(config, kernel.ruleset) : 'the kernel tables did not load';
  return flows.map((flow) => {
    const name = `${label}packet flow "${flow.name}" (real tracer, ${REAL_TRACER_CONNECTIONS} connections)`;
    const problem =
      typeof node === 'string'
        ? node
        : checkFlowReal(node, flow, `${caseName}/${label}${flow.name}`);
    return problem === null ? { name, ok: true } : { name, ok: false, detail: problem };
  });
}

export function runConformanceCase(c: ConformanceCase): CaseResult {
  const config = proxierConfigFromCase(c.config);
  const checks: CheckResult[] = [];
  const kernel = new KernelTables(config);
  let state: ProxierState | null = null;
  const steps: CaseStep[] = [c, ...(c.steps ?? [])];
  steps.forEach((step, i) => {
    const label = steps.length > 1 ? `step ${i + 1}${step.name ? ` (${step.name})` : ''}: ` : '';
    const services = step.services ?? [];
    const endpointSlices = step.endpointSlices ?? [];
    let result;
    try {
      result = syncProxyRules(state, { services, endpointSlices }, config, {
        full: i === 0 || isFullSync(step),
      });
    } catch (err) {
      checks.push({ name: `${label}sync`, ok: false, detail: `engine error: ${String(err)}` });
      return;
    }
    state = result.state;
    checks.push(...checkExpectations(label, step.expected, result.text, config));
    const applied = kernel.apply(result.text);
    if (applied) checks.push({ name: `${label}iptables-restore`, ok: false, detail: applied });
    checks.push(...realFlowChecks(label, c.name, step, applied ? null : kernel, config));
    const save = step.derived?.iptablesSave;
    if (save) {
      for (const table of ['filter', 'nat'] as const) {
        const expected = save[table];
        if (typeof expected === 'string') {
          checks.push(textCheck(`${label}iptables-save ${table}`, expected, kernel.save(table)));
        }
      }
    }
  });
  return { name: c.name, checks };
}
