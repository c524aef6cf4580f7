/**
 * Packets: the request the learner builds, the trace the engine returns for it, and bursts of
 * many connections. The engine is seeded, so a seed replays the same backend choices.
 */
import type { StateCreator } from 'zustand/vanilla';
import {
  parseSource,
  parseTarget,
  runTraceSpec,
  simulate,
  type Protocol,
  type Trace,
} from '../engine/index.ts';
import type { AppState } from './app-state.ts';

/** A request in the CLI's words: `--from client --to clusterip-service`. */
export interface RequestSpec {
  /** A pod (`client`, `default/client`), a node (`node1`) or an outside address (`203.0.113.7`). */
  readonly from: string;
  /** A Service (`clusterip-service[:port]`), an address (`10.100.100.100:80`) or a pod (`web-1:80`). */
  readonly to: string;
  /** Null: the Service port's protocol. */
  readonly protocol: Protocol | null;
  /** Packets the client sends in the connection (each answered). */
  readonly packets: number;
}

/** One hop of the playing trace: which packet of the connection, which hop of that packet. */
export interface StepRef {
  readonly packet: number;
  readonly hop: number;
}

/** N connections, counted by where they ended. */
export interface Burst {
  readonly trace: Trace;
  readonly connections: number;
}

export interface SimulationSlice {
  readonly request: RequestSpec;
  /** The seed the next send uses. */
  readonly seed: number;
  /** The trace on screen (its own seed inside), or null. */
  readonly trace: Trace | null;
  /** Every hop of the trace's first connection in order, both directions: what playback steps over. */
  readonly steps: readonly StepRef[];
  /** Why the last send could not run (a name that does not resolve…). */
  readonly traceError: string | null;
  readonly burst: Burst | null;
  setRequest(patch: Partial<RequestSpec>): void;
  setSeed(seed: number): void;
  /** Sends one connection with the current seed, then moves the seed on. */
  send(): void;
  /** Sends `connections` connections (outcomes only) with the current seed, then moves it on. */
  runBurst(connections: number): void;
  /** Re-runs the trace on screen after the model changed (same request, same seed). */
  onModelChanged(): void;
}

export const DEFAULT_REQUEST: RequestSpec = {
  from: 'client',
  to: 'clusterip-service',
  protocol: null,
  packets: 1,
};

const EMPTY_STEPS: readonly StepRef[] = [];

/** Connections of a burst that keep their hops, so the packet overlay can fly them together. */
export const BURST_ANIMATED = 200;

function stepsOf(trace: Trace): readonly StepRef[] {
  const first = trace.connections[0];
  if (!first) return EMPTY_STEPS;
  const steps: StepRef[] = [];
  first.packets.forEach((p, packet) => p.hops.forEach((_, hop) => steps.push({ packet, hop })));
  return steps;
}

export const createSimulationSlice: StateCreator<AppState, [], [], SimulationSlice> = (
  set,
  get,
) => {
  const run = (seed: number, connections: number) => {
    const { model, request } = get();
    if (!model) return { ok: false as const, error: 'no cluster yet: fix the YAML first' };
    return runTraceSpec(model.cluster, {
      from: request.from,
      to: request.to,
      seed,
      connections,
      packets: request.packets,
      ...(request.protocol ? { protocol: request.protocol } : {}),
    });
  };

  /** Like `run`, keeping the hops of the first `detail` connections (runTraceSpec keeps one). */
  const runDetailed = (seed: number, connections: number, detail: number) => {
    const { model, request } = get();
    if (!model) return run(seed, connections);
    const from = parseSource(model.cluster, request.from);
    if (!from.ok) return from;
    const to = parseTarget(model.cluster, request.to);
    if (!to.ok) return to;
    return simulate(
      model.cluster,
      {
        from: from.value,
        to: to.value,
        connections,
        packets: request.packets,
        ...(request.protocol ? { protocol: request.protocol } : {}),
      },
      { seed, detail },
    );
  };

  const showTrace = (seed: number) => {
    const r = run(seed, 1);
    if (!r.ok) {
      set({ trace: null, steps: EMPTY_STEPS, traceError: r.error });
      get().resetPlayback();
      return false;
    }
    set({ trace: r.value, steps: stepsOf(r.value), traceError: null });
    get().resetPlayback();
    return true;
  };

  return {
    request: DEFAULT_REQUEST,
    seed: 1,
    trace: null,
    steps: EMPTY_STEPS,
    traceError: null,
    burst: null,
    setRequest: (patch) => set({ request: { ...get().request, ...patch } }),
    setSeed: (seed) => set({ seed }),
    send: () => {
      const seed = get().seed;
      if (showTrace(seed)) set({ seed: seed + 1 });
    },
    runBurst: (connections) => {
      const seed = get().seed;
      const r = runDetailed(seed, connections, Math.min(connections, BURST_ANIMATED));
      if (!r.ok) {
        set({ burst: null, traceError: r.error });
        return;
      }
      set({ burst: { trace: r.value, connections }, traceError: null, seed: seed + 1 });
    },
    onModelChanged: () => {
      const trace = get().trace;
      if (trace) showTrace(trace.seed);
      if (get().burst) set({ burst: null });
    },
  };
};
