/**
 * The `podpath trace` text for a request given as the command line's words: shared by the CLI
 * and the golden trace files, so both print the same thing.
 */
import type { Ruleset } from '../iptables/ruleset.ts';
import type { ClusterModel } from '../k8s/cluster-model.ts';
import { formatDistribution, formatTrace } from './format-trace.ts';
import { parseSource, parseTarget, type Protocol, type Resolution } from './request.ts';
import { simulate } from './simulate.ts';
import type { Trace } from './trace.ts';

export interface TraceSpec {
  readonly from: string;
  readonly to: string;
  readonly protocol?: Protocol;
  readonly connections?: number;
  readonly packets?: number;
  readonly seed?: number;
  readonly rules?: readonly { readonly node: string; readonly ruleset: Ruleset }[];
}

/** Resolves the names and simulates; the trace, or a message saying what is wrong. */
export function runTraceSpec(cluster: ClusterModel, spec: TraceSpec): Resolution<Trace> {
  const from = parseSource(cluster, spec.from);
  if (!from.ok) return from;
  const to = parseTarget(cluster, spec.to);
  if (!to.ok) return to;
  return simulate(
    cluster,
    {
      from: from.value,
      to: to.value,
      ...(spec.protocol ? { protocol: spec.protocol } : {}),
      ...(spec.connections ? { connections: spec.connections } : {}),
      ...(spec.packets ? { packets: spec.packets } : {}),
    },
    { seed: spec.seed ?? 1, ...(spec.rules ? { rules: spec.rules } : {}) },
  );
}

/** One connection hop by hop, or the spread of several over the endpoints. */
export function traceText(cluster: ClusterModel, spec: TraceSpec): Resolution<string> {
  const r = runTraceSpec(cluster, spec);
  if (!r.ok) return r;
  return {
    ok: true,
    value: (spec.connections ?? 1) > 1 ? formatDistribution(r.value) : formatTrace(r.value),
  };
}

/** Reads `--from X --to Y [--proto P] [--connections N] [--packets K] [--seed S]`. */
export function parseTraceArgs(text: string): Resolution<TraceSpec> {
  const words = text.trim().split(/\s+/);
  const values = new Map<string, string>();
  for (let i = 0; i < words.length; i += 2) {
    const key = words[i] ?? '';
    const value = words[i + 1];
    if (!key.startsWith('--') || value === undefined)
      return { ok: false, error: `expected --option value, got "${key}"` };
    values.set(key.slice(2), value);
  }
  const from = values.get('from');
  const to = values.get('to');
  if (!from || !to) return { ok: false, error: '--from and --to are required' };
  const num = (k: string) => (values.has(k) ? Number(values.get(k)) : undefined);
  const proto = values.get('proto') as Protocol | undefined;
  const spec: TraceSpec = {
    from,
    to,
    ...(proto ? { protocol: proto } : {}),
    ...(num('connections') ? { connections: num('connections')! } : {}),
    ...(num('packets') ? { packets: num('packets')! } : {}),
    ...(num('seed') !== undefined ? { seed: num('seed')! } : {}),
  };
  return { ok: true, value: spec };
}
