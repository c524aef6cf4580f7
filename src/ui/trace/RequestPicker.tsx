/**
 * "Connect from X to Y": the source, the target (a choice or any address the CLI would take),
 * the protocol, and Send. The engine's message shows when a name does not resolve.
 */
import { useEffect, useMemo, useState } from 'react';
import { parseSource, parseTarget, type Protocol } from '../../engine/index.ts';
import { useT } from '../i18n/i18n.ts';
import { useAppStore, useAppStoreApi } from '../app/store-context.ts';
import { TRACE_MESSAGES } from './messages.ts';
import {
  matchChoice,
  sourceChoices,
  targetChoices,
  type Choice,
  type ChoiceGroup,
} from './request-options.ts';

const OTHER = '\u0000other';
const PROTOCOLS: readonly Protocol[] = ['tcp', 'udp', 'sctp'];
const NO_CHOICES: readonly Choice[] = [];

function ChoiceOptions({ choices }: { choices: readonly Choice[] }) {
  const t = useT(TRACE_MESSAGES);
  const groups = [...new Set(choices.map((c) => c.group))];
  return groups.map((g: ChoiceGroup) => (
    <optgroup key={g} label={t(`group_${g}`)}>
      {choices
        .filter((c) => c.group === g)
        .map((c) => (
          <option key={c.key} value={c.key}>
            {c.label}
          </option>
        ))}
    </optgroup>
  ));
}

export function RequestPicker({ onSend }: { onSend: () => void }) {
  const t = useT(TRACE_MESSAGES);
  const store = useAppStoreApi();
  const cluster = useAppStore((s) => s.model?.cluster ?? null);
  const request = useAppStore((s) => s.request);
  const error = useAppStore((s) => s.traceError);
  const [typing, setTyping] = useState(false);
  const from = useMemo(() => (cluster ? sourceChoices(cluster) : NO_CHOICES), [cluster]);
  const to = useMemo(() => (cluster ? targetChoices(cluster) : NO_CHOICES), [cluster]);

  // Another scenario: a source or target that no longer exists gives way to the first choice.
  useEffect(() => {
    if (!cluster) return;
    const { request: r, setRequest } = store.getState();
    if (!parseSource(cluster, r.from).ok && from[0]) setRequest({ from: from[0].value });
    if (!parseTarget(cluster, r.to).ok && to[0]) setRequest({ to: to[0].value });
  }, [cluster, from, to, store]);

  const fromChoice = matchChoice(request.from, null, from);
  const toChoice = typing ? null : matchChoice(request.to, request.protocol, to);
  const setRequest = store.getState().setRequest;

  return (
    <form
      className="request-picker"
      data-testid="request"
      onSubmit={(e) => {
        e.preventDefault();
        onSend();
      }}
    >
      <label className="field grow">
        <span>{t('from')}</span>
        <select
          data-testid="request.from"
          value={fromChoice?.key ?? request.from}
          onChange={(e) => setRequest({ from: e.target.value })}
        >
          {fromChoice === null && <option value={request.from}>{request.from}</option>}
          <ChoiceOptions choices={from} />
        </select>
      </label>
      <label className="field grow">
        <span>{t('to')}</span>
        <select
          data-testid="request.to"
          value={toChoice?.key ?? OTHER}
          onChange={(e) => {
            const choice = to.find((c) => c.key === e.target.value);
            setTyping(!choice);
            // A Service port brings its protocol; a pod or an address keeps the one picked.
            if (choice) setRequest({ to: choice.value, protocol: choice.protocol ?? null });
          }}
        >
          <ChoiceOptions choices={to} />
          <option value={OTHER}>{t('otherAddress')}</option>
        </select>
      </label>
      {toChoice === null && (
        <input
          type="text"
          className="request-address"
          data-testid="request.address"
          aria-label={t('to')}
          placeholder={t('addressPlaceholder')}
          spellCheck={false}
          value={request.to}
          onChange={(e) => setRequest({ to: e.target.value.trim() })}
        />
      )}
      {!toChoice?.protocol && (
        <label className="field" title={t('protocol')}>
          <select
            aria-label={t('protocol')}
            data-testid="request.protocol"
            value={request.protocol ?? ''}
            onChange={(e) => setRequest({ protocol: (e.target.value || null) as Protocol | null })}
          >
            <option value="">{t('auto')}</option>
            {PROTOCOLS.map((p) => (
              <option key={p} value={p}>
                {p.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" className="primary" data-testid="request.send">
        {t('send')}
      </button>
      {error && (
        <p className="request-error" role="alert" data-testid="request.error">
          {error}
        </p>
      )}
    </form>
  );
}
