import { describe, expect, test } from 'vitest';
import { egressDefaultAllowSet, ingressDefaultAllowSet } from './weave-npc-names.ts';

// Set names seen in iptables-save dumps of real Weave Net clusters.
describe('weave-npc default-allow ipset names', () => {
  test.each([
    ['default', 'weave-;rGqyMIl1HN^cfDki~Z$3]6!N'],
    ['kube-system', 'weave-P.B|!ZhkAr5q=XZ?3}tMBA+0'],
    ['kube-public', 'weave-Rzff}h:=]JaaJl/G;(XJpGjZ['],
    ['kube-node-lease', 'weave-]B*(W?)t*z5O17G044[gUo#$l'],
    ['argocd', 'weave-qUZ:jOBPP2@d?lP%uT}.kL]I7'],
    ['demo', 'weave-qCsh3[J9tiJ{aPB:BH@5I=k;+'],
    ['kube-flannel', 'weave-L{!8F5R)t=i?[h?gwrGulfSc7'],
  ])('ingress %s', (ns, name) => {
    expect(ingressDefaultAllowSet(ns)).toBe(name);
  });

  test.each([
    ['default', 'weave-s_+ChJId4Uy_$}G;WdH|~TK)I'],
    ['kube-system', 'weave-E1ney4o[ojNrLk.6rOHi;7MPE'],
    ['kube-public', 'weave-41s)5vQ^o/xWGz6a20N:~?#|E'],
  ])('egress %s', (ns, name) => {
    expect(egressDefaultAllowSet(ns)).toBe(name);
  });

  test('names fit ipset’s 31 characters', () => {
    expect(ingressDefaultAllowSet('a-very-long-namespace-name-indeed').length).toBeLessThanOrEqual(
      31,
    );
  });
});
