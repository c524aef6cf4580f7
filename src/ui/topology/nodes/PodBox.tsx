/** A pod: short name (full name in the title), its address, its veth's host end. */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useT } from '../../i18n/i18n.ts';
import { TOPOLOGY_MESSAGES } from '../messages.ts';
import type { PodFlow } from '../types.ts';
import { useIsFocus, useIsHop } from '../use-highlight.ts';
import { HiddenHandles } from './HiddenHandles.tsx';

function PodBox({ id, data }: NodeProps<PodFlow>) {
  const t = useT(TOPOLOGY_MESSAGES);
  const active = useIsHop(id);
  const focus = useIsFocus(id);
  const classes = ['k-pod'];
  if (data.namespace === 'kube-system') classes.push('is-system');
  if (data.collision) classes.push('has-collision');
  if (active) classes.push('is-hop');
  if (focus) classes.push('is-focus');
  return (
    <div
      className={classes.join(' ')}
      title={`${data.namespace}/${data.name}\n${data.ip}${data.veth ? `\n${data.veth}` : ''}`}
      data-testid={`topology.pod.${data.nsId}`}
    >
      <HiddenHandles />
      <div className="k-pod-name">{data.shortName}</div>
      <div className="k-pod-ip" data-testid="topology.pod-ip">
        {data.ip}
      </div>
      {data.veth && (
        <div className="k-pod-veth" title={t('vethTitle')}>
          {data.veth}
        </div>
      )}
      {data.collision && (
        <div
          className="k-collision"
          data-testid={`topology.collision.${data.nsId}`}
          title={t('collisionTitle', { ip: data.ip, node: data.collision.node })}
        >
          ⚠ {t('collision', { pod: data.collision.pod, node: data.collision.node })}
        </div>
      )}
    </div>
  );
}

export default memo(PodBox);
