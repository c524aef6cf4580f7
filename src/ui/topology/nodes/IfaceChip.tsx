/** A device of the node: eth0 on the LAN, the pod bridge (`weave`/`docker0`), Weave's vxlan-6784. */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useT } from '../../i18n/i18n.ts';
import { TOPOLOGY_MESSAGES } from '../messages.ts';
import type { IfaceFlow } from '../types.ts';
import { useIsFocus, useIsHop } from '../use-highlight.ts';
import { HiddenHandles } from './HiddenHandles.tsx';

function IfaceChip({ id, data }: NodeProps<IfaceFlow>) {
  const t = useT(TOPOLOGY_MESSAGES);
  const active = useIsHop(id);
  const focus = useIsFocus(id);
  const title =
    data.kind === 'eth0'
      ? t('eth0Title')
      : data.kind === 'vxlan'
        ? t('vxlanTitle', { port: /(\d+)$/.exec(data.dev)?.[1] ?? '' })
        : data.dev === 'docker0'
          ? t('dockerTitle')
          : t('weaveTitle');
  return (
    <div
      className={`k-iface k-iface-${data.kind} k-dev-${data.dev}${active ? ' is-hop' : ''}${focus ? ' is-focus' : ''}`}
      title={title}
      data-testid={`topology.${data.kind}.${data.node}`}
    >
      <HiddenHandles />
      {data.kind !== 'vxlan' && <span className="k-port" />}
      {data.kind === 'bridge' ? (
        <span className="k-iface-line">
          <span className="k-iface-dev">{data.dev}</span>{' '}
          <span className="k-iface-addr">{data.address}</span>
        </span>
      ) : (
        <>
          <span className="k-iface-dev">{data.kind === 'vxlan' ? 'VXLAN' : data.dev}</span>
          <span className="k-iface-addr">{data.kind === 'vxlan' ? data.dev : data.address}</span>
        </>
      )}
    </div>
  );
}

export default memo(IfaceChip);
