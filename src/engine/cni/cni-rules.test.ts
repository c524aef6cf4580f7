import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { emptyRuleset } from '../iptables/ruleset.ts';
import { renderSave } from '../iptables/save.ts';
import type { ClusterModel } from '../k8s/cluster-model.ts';
import { compileManifests } from '../k8s/compile.ts';
import { installCniRules, nodeTables } from './cni-rules.ts';
import { ipSetHas } from './ipset.ts';

function scenario(name: string): ClusterModel {
  const file = join(import.meta.dirname, '../../../scenarios', name, 'scenario.yaml');
  const cluster = compileManifests([
    { name: 'scenario.yaml', text: readFileSync(file, 'utf8') },
  ]).cluster;
  if (!cluster) throw new Error(`${name} does not compile`);
  return cluster;
}

const WEAVE = scenario('article');
const DOCKER = scenario('docker-only');

/** The rules of `chain` in iptables-save output, in order. */
function chainLines(save: string, chain: string): string[] {
  return save.split('\n').filter((l) => l.startsWith(`-A ${chain} `));
}

// datapath.md §4.5, as iptables-save prints it (it escapes the quotes inside the comment).
const WEAVE_INPUT = [
  '-A INPUT -d 127.0.0.1/32 -p tcp -m tcp --dport 6784 -m addrtype ! --src-type LOCAL -m conntrack ! --ctstate RELATED,ESTABLISHED -m comment --comment "Block non-local access to Weave Net control port" -j DROP',
  '-A INPUT -i weave -j WEAVE-NPC-EGRESS',
];
const WEAVE_FORWARD = [
  `-A FORWARD -i weave -m comment --comment "NOTE: this must go before \\'-j KUBE-FORWARD\\'" -j WEAVE-NPC-EGRESS`,
  `-A FORWARD -o weave -m comment --comment "NOTE: this must go before \\'-j KUBE-FORWARD\\'" -j WEAVE-NPC`,
  '-A FORWARD -o weave -m state --state NEW -j NFLOG --nflog-group 86',
  '-A FORWARD -o weave -j DROP',
  '-A FORWARD -i weave ! -o weave -j ACCEPT',
  '-A FORWARD -o weave -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
];
const WEAVE_NPC = [
  '-A WEAVE-NPC -m state --state RELATED,ESTABLISHED -j ACCEPT',
  '-A WEAVE-NPC -d 224.0.0.0/4 -j ACCEPT',
  '-A WEAVE-NPC -m physdev --physdev-out vethwe-bridge --physdev-is-bridged -j ACCEPT',
  '-A WEAVE-NPC -m state --state NEW -j WEAVE-NPC-DEFAULT',
  '-A WEAVE-NPC -m state --state NEW -j WEAVE-NPC-INGRESS',
];
const WEAVE_NPC_EGRESS = [
  '-A WEAVE-NPC-EGRESS -m state --state RELATED,ESTABLISHED -j ACCEPT',
  '-A WEAVE-NPC-EGRESS -m physdev --physdev-in vethwe-bridge --physdev-is-bridged -j RETURN',
  '-A WEAVE-NPC-EGRESS -m addrtype --dst-type LOCAL -j RETURN',
  '-A WEAVE-NPC-EGRESS -d 224.0.0.0/4 -j RETURN',
  '-A WEAVE-NPC-EGRESS -m state --state NEW -j WEAVE-NPC-EGRESS-DEFAULT',
  '-A WEAVE-NPC-EGRESS -m state --state NEW -m mark ! --mark 0x40000/0x40000 -j WEAVE-NPC-EGRESS-CUSTOM',
];
const WEAVE_NAT = [
  '-A POSTROUTING -j WEAVE',
  '-A WEAVE -m set --match-set weaver-no-masq-local dst -m comment --comment "Prevent SNAT to locally running containers" -j RETURN',
  '-A WEAVE -s 10.32.0.0/12 -d 224.0.0.0/4 -j RETURN',
  '-A WEAVE ! -s 10.32.0.0/12 -d 10.32.0.0/12 -j MASQUERADE',
  '-A WEAVE -s 10.32.0.0/12 ! -d 10.32.0.0/12 -j MASQUERADE',
];

describe('Weave rules (datapath.md §4.5), byte for byte', () => {
  const node2 = WEAVE.nodes[2]!;
  const alone = installCniRules(emptyRuleset(), node2, WEAVE);
  const filter = renderSave(alone.ruleset, ['filter']);
  const nat = renderSave(alone.ruleset, ['nat']);

  test('router filter rules', () => {
    expect(chainLines(filter, 'INPUT')).toEqual(WEAVE_INPUT);
    expect(chainLines(filter, 'FORWARD')).toEqual(WEAVE_FORWARD);
  });

  test('weave-npc base rules', () => {
    expect(chainLines(filter, 'WEAVE-NPC')).toEqual(WEAVE_NPC);
    expect(chainLines(filter, 'WEAVE-NPC-EGRESS')).toEqual(WEAVE_NPC_EGRESS);
    expect(chainLines(filter, 'WEAVE-NPC-EGRESS-ACCEPT')).toEqual([
      '-A WEAVE-NPC-EGRESS-ACCEPT -j MARK --set-xmark 0x40000/0x40000',
    ]);
    expect(chainLines(filter, 'WEAVE-NPC-INGRESS')).toEqual([]);
    expect(chainLines(filter, 'WEAVE-NPC-EGRESS-CUSTOM')).toEqual([]);
  });

  test('the seven weave-npc chains and nat WEAVE exist', () => {
    expect(filter).toContain(
      [
        ':WEAVE-NPC - [0:0]',
        ':WEAVE-NPC-DEFAULT - [0:0]',
        ':WEAVE-NPC-EGRESS - [0:0]',
        ':WEAVE-NPC-EGRESS-ACCEPT - [0:0]',
        ':WEAVE-NPC-EGRESS-CUSTOM - [0:0]',
        ':WEAVE-NPC-EGRESS-DEFAULT - [0:0]',
        ':WEAVE-NPC-INGRESS - [0:0]',
      ].join('\n'),
    );
    expect(nat).toContain(':WEAVE - [0:0]');
  });

  test('nat: POSTROUTING -j WEAVE and the WEAVE chain for the allocation range', () => {
    expect([...chainLines(nat, 'POSTROUTING'), ...chainLines(nat, 'WEAVE')]).toEqual(WEAVE_NAT);
  });

  test('DefaultAllow rules per namespace (no NetworkPolicy selects any pod)', () => {
    expect(chainLines(filter, 'WEAVE-NPC-DEFAULT')).toEqual([
      '-A WEAVE-NPC-DEFAULT -m set --match-set weave-;rGqyMIl1HN^cfDki~Z$3]6!N dst -m comment --comment "DefaultAllow ingress isolation for namespace: default" -j ACCEPT',
      '-A WEAVE-NPC-DEFAULT -m set --match-set weave-]B*(W?)t*z5O17G044[gUo#$l dst -m comment --comment "DefaultAllow ingress isolation for namespace: kube-node-lease" -j ACCEPT',
      '-A WEAVE-NPC-DEFAULT -m set --match-set weave-Rzff}h:=]JaaJl/G;(XJpGjZ[ dst -m comment --comment "DefaultAllow ingress isolation for namespace: kube-public" -j ACCEPT',
      '-A WEAVE-NPC-DEFAULT -m set --match-set weave-P.B|!ZhkAr5q=XZ?3}tMBA+0 dst -m comment --comment "DefaultAllow ingress isolation for namespace: kube-system" -j ACCEPT',
    ]);
    expect(chainLines(filter, 'WEAVE-NPC-EGRESS-DEFAULT').slice(0, 2)).toEqual([
      '-A WEAVE-NPC-EGRESS-DEFAULT -m set --match-set weave-s_+ChJId4Uy_$}G;WdH|~TK)I src -m comment --comment "DefaultAllow egress isolation for namespace: default" -j WEAVE-NPC-EGRESS-ACCEPT',
      '-A WEAVE-NPC-EGRESS-DEFAULT -m set --match-set weave-s_+ChJId4Uy_$}G;WdH|~TK)I src -m comment --comment "DefaultAllow egress isolation for namespace: default" -j RETURN',
    ]);
    expect(chainLines(filter, 'WEAVE-NPC-EGRESS-DEFAULT')).toHaveLength(8);
  });
});

describe('Weave on top of kube-proxy', () => {
  const tables = nodeTables(WEAVE, 'node2');
  const filter = renderSave(tables.ruleset, ['filter']);
  const nat = renderSave(tables.ruleset, ['nat']);

  test("Weave's FORWARD rules end up above kube-proxy's", () => {
    const forward = chainLines(filter, 'FORWARD');
    expect(forward.slice(0, 6)).toEqual(WEAVE_FORWARD);
    expect(forward.slice(6).map((l) => l.split(' -j ')[1])).toEqual([
      'KUBE-PROXY-FIREWALL',
      'KUBE-FORWARD',
      'KUBE-SERVICES',
      'KUBE-EXTERNAL-SERVICES',
    ]);
  });

  test("INPUT: Weave's rules are appended after kube-proxy's", () => {
    const input = chainLines(filter, 'INPUT');
    expect(input).toHaveLength(6);
    expect(input.slice(4)).toEqual(WEAVE_INPUT);
  });

  test('nat POSTROUTING: KUBE-POSTROUTING, then WEAVE', () => {
    expect(chainLines(nat, 'POSTROUTING')).toEqual([
      '-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING',
      '-A POSTROUTING -j WEAVE',
    ]);
  });

  test('the commands are reported, chain creation first', () => {
    expect(tables.commands[0]).toEqual({ table: 'filter', words: ['-N', 'WEAVE-NPC'] });
    expect(tables.commands.filter((c) => c.words[0] === '-N')).toHaveLength(8);
  });
});

describe('Weave ipsets', () => {
  test('weaver-no-masq-local holds the ranges the node owns', () => {
    const master = nodeTables(WEAVE, 'master').ipsets[0]!;
    expect(master).toEqual({
      name: 'weaver-no-masq-local',
      type: 'hash:net',
      entries: [
        { value: '10.32.0.0/14', comment: null },
        { value: '10.40.0.0/14', comment: null },
      ],
    });
    expect(ipSetHas(master, '10.41.2.3')).toBe(true);
    expect(ipSetHas(master, '10.36.0.1')).toBe(false);
    const node2 = nodeTables(WEAVE, 'node2').ipsets[0]!;
    expect(node2.entries.map((e) => e.value)).toEqual(['10.36.0.0/14']);
    expect(ipSetHas(node2, '10.36.0.1')).toBe(true);
  });

  test("default-allow sets hold the namespace's pod IPs, cluster-wide", () => {
    const sets = nodeTables(WEAVE, 'node1').ipsets;
    const ingress = sets.find((s) => s.name === 'weave-;rGqyMIl1HN^cfDki~Z$3]6!N')!;
    expect(ingress.type).toBe('hash:ip');
    expect(ingress.entries.map((e) => e.value)).toEqual([
      '10.44.0.1',
      '10.36.0.1',
      '10.36.0.2',
      '10.36.0.3',
    ]);
    expect(ingress.entries[0]?.comment).toBe('default/client');
    expect(ingress.entries[1]?.comment).toBe('default/deploy-nginx-7b9c6d5f4-2xkqp');
    expect(ipSetHas(ingress, '10.36.0.2')).toBe(true);
    expect(ipSetHas(ingress, '10.36.0.9')).toBe(false);
    const kubeSystem = sets.find((s) => s.name === 'weave-P.B|!ZhkAr5q=XZ?3}tMBA+0')!;
    // CoreDNS only: hostNetwork pods are never in weave-npc's sets.
    expect(kubeSystem.entries.map((e) => e.value)).toEqual(['10.32.0.3', '10.32.0.2']);
  });
});

// datapath.md §1.4 without the three lines of the published container.
const DOCKER_SAVE = `*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
:DOCKER - [0:0]
-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
-A DOCKER -i docker0 -j RETURN
COMMIT
*filter
:INPUT ACCEPT [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
:DOCKER - [0:0]
:DOCKER-ISOLATION-STAGE-1 - [0:0]
:DOCKER-ISOLATION-STAGE-2 - [0:0]
:DOCKER-USER - [0:0]
-A FORWARD -j DOCKER-USER
-A FORWARD -j DOCKER-ISOLATION-STAGE-1
-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A FORWARD -o docker0 -j DOCKER
-A FORWARD -i docker0 ! -o docker0 -j ACCEPT
-A FORWARD -i docker0 -o docker0 -j ACCEPT
-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
-A DOCKER-ISOLATION-STAGE-1 -j RETURN
-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
-A DOCKER-ISOLATION-STAGE-2 -j RETURN
-A DOCKER-USER -j RETURN
COMMIT
`;

describe('Docker rules (datapath.md §1.4)', () => {
  test('a fresh engine with no published port, byte for byte', () => {
    const r = installCniRules(emptyRuleset(), DOCKER.nodes[1]!, DOCKER);
    expect(renderSave(r.ruleset, ['nat', 'filter'])).toBe(DOCKER_SAVE);
    expect(r.ipsets).toEqual([]);
  });

  test("with kube-proxy: policy DROP, Docker's rules below kube-proxy's jumps", () => {
    const tables = nodeTables(DOCKER, 'node1');
    const filter = renderSave(tables.ruleset, ['filter']);
    expect(filter).toContain(':FORWARD DROP [0:0]');
    const forward = chainLines(filter, 'FORWARD');
    expect(forward.slice(0, 4).every((l) => / -j KUBE-/.test(l))).toBe(true);
    expect(forward.slice(4)).toEqual(chainLines(DOCKER_SAVE, 'FORWARD'));
    const nat = renderSave(tables.ruleset, ['nat']);
    expect(chainLines(nat, 'PREROUTING').map((l) => l.split(' -j ')[1])).toEqual([
      'KUBE-SERVICES',
      'DOCKER',
    ]);
    expect(chainLines(nat, 'POSTROUTING').map((l) => l.split(' -j ')[1])).toEqual([
      'KUBE-POSTROUTING',
      'MASQUERADE',
    ]);
  });

  test('unknown node', () => {
    expect(() => nodeTables(DOCKER, 'node9')).toThrow('node "node9" not found');
  });
});
