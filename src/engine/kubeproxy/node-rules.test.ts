import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proxierConfigFromCase } from '../conformance/case-config.ts';
import type { CaseStep, ConformanceCase } from '../conformance/case-types.ts';
import { goldenNodeOf } from '../golden-scenarios.ts';
import { compileScenario } from '../index.ts';
import { applyRestore } from '../iptables/restore.ts';
import {
  printSavedTables,
  printSavedTablesS,
  restoreSavedTables,
  type RestoreBlock,
} from '../iptables/restore-save.ts';
import { TABLE_NAMES, type Ruleset } from '../iptables/ruleset.ts';
import { renderS, renderSave } from '../iptables/save.ts';
import type { EndpointSlice, Service } from '../k8s/api-types.ts';
import { defaultProxierConfig, type LocalDetector, type ProxierConfig } from './config.ts';
import { generateRestoreDocument } from './generate.ts';
import { blockOf, loadRestore, savedTablesAfterSync, withKubeProxyJumps } from './kernel.ts';
import { computeNodeRules, formatNodeRules, nodeRulesOf } from './node-rules.ts';
import { formatRestoreDocument, type RestoreDocument } from './restore-document.ts';
import { syncProxyRules, type ProxierState } from './sync.ts';

const ROOT = join(import.meta.dirname, '../../..');

const blocksOf = (doc: RestoreDocument): RestoreBlock[] => [
  blockOf('filter', doc.filter),
  blockOf('nat', doc.nat),
];

/** Every way a node's tables are printed, from the rule model (renderSave / renderS). */
function printedByModel(ruleset: Ruleset): string[] {
  const out = [renderSave(ruleset)];
  for (const t of TABLE_NAMES) out.push(renderSave(ruleset, [t]), renderS(ruleset, t));
  return out;
}

/** The same, from kube-proxy's sync straight to text (savedTablesAfterSync). */
function printedFast(config: ProxierConfig, doc: RestoreDocument): string[] | null {
  const saved = savedTablesAfterSync(config, doc);
  if (!saved) return null;
  const out = [printSavedTables(saved)];
  for (const t of TABLE_NAMES) out.push(printSavedTables(saved, [t]), printSavedTablesS(saved, t));
  return out;
}

/** The sync's tables from the rule model: loadRestore onto kube-proxy's jumps. */
function loaded(config: ProxierConfig, doc: RestoreDocument): Ruleset | null {
  const r = loadRestore(withKubeProxyJumps(config), formatRestoreDocument(doc));
  return r.ok ? r.ruleset : null;
}

describe('printing a node after a sync, without the rule model', () => {
  it('prints every golden scenario node exactly as loadRestore + renderSave/renderS', () => {
    const dir = join(ROOT, 'scenarios');
    let nodes = 0;
    for (const name of readdirSync(dir)) {
      const text = readFileSync(join(dir, name, 'scenario.yaml'), 'utf8');
      const { cluster } = compileScenario([{ name: 'scenario.yaml', text }]);
      if (!cluster) continue;
      for (const file of readdirSync(join(dir, name))) {
        const node = goldenNodeOf(file);
        if (node === null) continue;
        const rules = computeNodeRules(cluster, node);
        const fast = printedFast(rules.config, rules.document);
        expect(fast, `${name} ${node}`).not.toBeNull();
        expect(fast).toEqual(printedByModel(rules.ruleset));
        // formatNodeRules (the CLI, the app and the golden files) prints the same.
        const fresh = computeNodeRules(cluster, node);
        expect(formatNodeRules(fresh, 'save')).toBe(renderSave(rules.ruleset));
        expect(formatNodeRules(fresh, 'save', 'nat')).toBe(renderSave(rules.ruleset, ['nat']));
        expect(formatNodeRules(fresh, 'S', 'nat')).toBe(renderS(rules.ruleset, 'nat'));
        expect(formatNodeRules(fresh, 'S')).toBe(renderS(rules.ruleset, 'filter'));
        nodes++;
      }
    }
    expect(nodes).toBeGreaterThan(10);
  });

  it('restores every sync of the conformance cases onto the tables before it as applyRestore', () => {
    const dir = join(ROOT, 'testdata/kube-proxy');
    let fastSteps = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const c = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ConformanceCase;
      const config = proxierConfigFromCase(c.config);
      let tables = withKubeProxyJumps(config);
      let state: ProxierState | null = null;
      const steps: CaseStep[] = [c, ...(c.steps ?? [])];
      steps.forEach((step, i) => {
        const input = { services: step.services ?? [], endpointSlices: step.endpointSlices ?? [] };
        const sync = syncProxyRules(state, input, config, { full: i === 0 });
        state = sync.state;
        const after = applyRestore(tables, sync.text, { noflush: true, counters: true });
        const saved = restoreSavedTables(tables, blocksOf(sync.document));
        const deletes = sync.text.includes('\n-X ');
        if (!after.ok) {
          expect(saved).toBeNull();
          return;
        }
        if (!deletes) expect(saved, `${c.name} step ${i + 1}`).not.toBeNull();
        if (saved) {
          fastSteps++;
          expect(printSavedTables(saved)).toBe(renderSave(after.value));
          for (const t of TABLE_NAMES)
            expect(printSavedTablesS(saved, t)).toBe(renderS(after.value, t));
        }
        tables = after.value;
      });
    }
    expect(fastSteps).toBeGreaterThan(10);
  });

  it('prints random clusters and configurations exactly as loadRestore + renderSave/renderS', () => {
    const ip4 = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 255 }));
    const clusterIp = ip4.map(([a, b]) => `10.96.${a}.${b}`);
    const port = fc.record(
      {
        name: fc.constantFrom('http', 'dns', 'p'),
        protocol: fc.constantFrom('TCP', 'UDP', 'SCTP'),
        port: fc.constantFrom(80, 53, 443, 8080),
        nodePort: fc.constantFrom(30080, 31000, 32767),
      },
      { requiredKeys: ['name', 'protocol', 'port'] },
    );
    const service = fc.record({
      name: fc.constantFrom('web', 'api', 'db', 'dns', 'x'),
      namespace: fc.constantFrom('default', 'kube-system'),
      type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer'),
      clusterIP: fc.oneof(clusterIp, fc.constant('fd00::96:1')),
      ports: fc.uniqueArray(port, { minLength: 1, maxLength: 2, selector: (p) => p.name }),
      externalIPs: fc.array(fc.constantFrom('192.168.56.200', '203.0.113.7'), { maxLength: 2 }),
      lb: fc.array(fc.constantFrom('198.51.100.1', '198.51.100.2'), { maxLength: 2 }),
      ranges: fc.array(fc.constantFrom('192.168.56.0/24', '10.0.0.0/8', '1.2.3.4/32'), {
        maxLength: 2,
      }),
      etp: fc.constantFrom('Cluster', 'Local'),
      itp: fc.constantFrom('Cluster', 'Local'),
      affinity: fc.constantFrom('None', 'ClientIP'),
      endpoints: fc.array(
        fc.record({
          ip: ip4.map(([a, b]) => `10.244.${a}.${b}`),
          node: fc.constantFrom('node1', 'node2', undefined),
          ready: fc.boolean(),
          serving: fc.boolean(),
          terminating: fc.boolean(),
        }),
        { maxLength: 6 },
      ),
    });
    const detector: fc.Arbitrary<LocalDetector> = fc.constantFrom(
      { mode: 'None' },
      { mode: 'ClusterCIDR', cidr: '10.244.0.0/16' },
      { mode: 'InterfaceNamePrefix', prefix: 'veth' },
      { mode: 'BridgeInterface', bridge: 'cbr0' },
    );
    const config = fc
      .record({
        detector,
        masqueradeAll: fc.boolean(),
        localhostNodePorts: fc.boolean(),
        nfacct: fc.boolean(),
        beLiberal: fc.boolean(),
        randomFully: fc.boolean(),
        threshold: fc.constantFrom(1000, 3),
        nodePortAddresses: fc.constantFrom(null, ['192.168.56.0/24'], ['127.0.0.0/8']),
        family: fc.constantFrom<4 | 6>(4, 4, 6),
      })
      .map((c): ProxierConfig => {
        const base = defaultProxierConfig('node1', c.family === 4 ? '192.168.56.11' : 'fd00::11');
        return {
          ...base,
          family: c.family,
          localDetector: c.family === 4 ? c.detector : { mode: 'None' },
          masqueradeAll: c.masqueradeAll,
          masqueradeMark: c.nfacct ? base.masqueradeMark : '0x4000',
          localhostNodePorts: c.localhostNodePorts,
          nodePortAddresses: c.nodePortAddresses,
          nfacct: { ctStateInvalidDroppedPkts: c.nfacct, localhostNpsAcceptedPkts: c.nfacct },
          conntrackTCPBeLiberal: c.beLiberal,
          randomFully: c.randomFully,
          largeClusterEndpointsThreshold: c.threshold,
        };
      });
    type ServiceSpec = typeof service extends fc.Arbitrary<infer T> ? T : never;
    const toObjects = (specs: ServiceSpec[]) => {
      const services: Service[] = [];
      const endpointSlices: EndpointSlice[] = [];
      for (const s of specs) {
        const v6 = s.clusterIP.includes(':');
        services.push({
          metadata: { namespace: s.namespace, name: s.name },
          spec: {
            type: s.type,
            clusterIP: s.clusterIP,
            ports: s.ports,
            externalIPs: v6 ? [] : s.externalIPs,
            loadBalancerSourceRanges: s.ranges,
            externalTrafficPolicy: s.etp,
            internalTrafficPolicy: s.itp,
            sessionAffinity: s.affinity,
            ...(s.type === 'LoadBalancer' && s.etp === 'Local'
              ? { healthCheckNodePort: 32000 }
              : {}),
          },
          status: { loadBalancer: { ingress: v6 ? [] : s.lb.map((ip) => ({ ip })) } },
        } as Service);
        endpointSlices.push({
          metadata: {
            namespace: s.namespace,
            name: `${s.name}-a`,
            labels: { 'kubernetes.io/service-name': s.name },
          },
          addressType: v6 ? 'IPv6' : 'IPv4',
          ports: s.ports.map((p) => ({ name: p.name, protocol: p.protocol, port: p.port + 1 })),
          endpoints: s.endpoints.map((e, i) => ({
            addresses: [v6 ? `fd00::244:${i + 1}` : e.ip],
            conditions: { ready: e.ready, serving: e.serving, terminating: e.terminating },
            ...(e.node ? { nodeName: e.node } : {}),
          })),
        } as EndpointSlice);
      }
      return { services, endpointSlices };
    };
    fc.assert(
      fc.property(fc.array(service, { maxLength: 5 }), config, (specs, cfg) => {
        const doc = generateRestoreDocument(toObjects(specs), cfg);
        const model = loaded(cfg, doc);
        const fast = printedFast(cfg, doc);
        expect(model).not.toBeNull();
        expect(fast).not.toBeNull();
        expect(fast).toEqual(printedByModel(model!));
        // What the app and the CLI print goes the same way.
        expect(formatNodeRules(nodeRulesOf('node1', cfg, doc), 'save')).toBe(renderSave(model!));
      }),
      { numRuns: 300 },
    );
  });
});
