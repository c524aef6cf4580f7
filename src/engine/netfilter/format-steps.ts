/**
 * A one-line path through the chains for the UI and the CLI, e.g.
 * `nat PREROUTING #1 → KUBE-SERVICES #3 → KUBE-SVC-X #1 (random 0.33333333349: taken) → KUBE-SEP-Y #2 DNAT 10.36.0.1:80`.
 */
import { formatIp } from '../net/ip.ts';
import { formatHex } from '../iptables/numbers.ts';
import type { MatchNote, Step, StepEffect, TableResult } from './result.ts';

function formatNote(n: MatchNote): string {
  if (n.kind === 'random')
    return `(random ${n.probabilityText}: ${n.taken ? 'taken' : 'not taken'})`;
  if (n.kind === 'nth') return `(nth ${n.counter}/${n.every}: ${n.taken ? 'taken' : 'not taken'})`;
  return `(recent ${n.name} ${n.command} ${formatIp(n.address)}: ${n.matched ? 'hit' : 'miss'})`;
}

function formatEffect(e: StepEffect): string {
  switch (e.kind) {
    case 'goto':
      return 'goto';
    case 'jump':
    case 'count':
    case 'no-match':
      return '';
    case 'return':
      return 'RETURN';
    case 'accept':
      return 'ACCEPT';
    case 'drop':
      return 'DROP';
    case 'reject':
      return `REJECT ${e.with}`;
    case 'dnat':
      return `DNAT ${e.to}`;
    case 'snat':
      return `SNAT ${e.to}`;
    case 'masquerade':
      return `MASQUERADE ${e.to ?? '(no address)'} on ${e.iface ?? '(none)'}`;
    case 'mark':
      return `MARK ${formatHex(e.from)} → ${formatHex(e.to)}`;
    case 'log':
      return `LOG "${e.prefix}"`;
    case 'nflog':
      return `NFLOG group ${e.group}`;
    case 'end':
      return 'end';
    case 'policy':
      return `policy ${e.policy}`;
  }
}

function formatStep(s: Step): string {
  const parts = s.ruleNumber === null ? [] : [`#${s.ruleNumber}`];
  for (const n of s.notes) parts.push(formatNote(n));
  const effect = formatEffect(s.effect);
  if (effect) parts.push(effect);
  return parts.join(' ');
}

/** The steps of a table evaluation as one line: each chain followed by what happened in it. */
export function formatSteps(result: TableResult): string {
  const segments: string[] = [];
  let chain = '';
  let current: string[] = [];
  const flush = () => {
    if (chain) segments.push([chain, ...current].join(' '));
  };
  for (const s of result.steps) {
    if (s.chain !== chain) {
      flush();
      chain = s.chain;
      current = [];
    }
    current.push(formatStep(s));
  }
  flush();
  if (segments.length === 0) return `${result.table} ${result.chain}`;
  return `${result.table} ${segments.join(' → ')}`;
}
