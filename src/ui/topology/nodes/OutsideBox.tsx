/** The client outside the cluster, on the far side of the nodes' gateway. */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useT } from '../../i18n/i18n.ts';
import { TOPOLOGY_MESSAGES } from '../messages.ts';
import type { OutsideFlow } from '../types.ts';
import { useIsFocus, useIsHop } from '../use-highlight.ts';
import { HiddenHandles } from './HiddenHandles.tsx';

function OutsideBox({ id, data }: NodeProps<OutsideFlow>) {
  const t = useT(TOPOLOGY_MESSAGES);
  const active = useIsHop(id);
  const focus = useIsFocus(id);
  return (
    <div
      className={`k-outside${active ? ' is-hop' : ''}${focus ? ' is-focus' : ''}`}
      title={t('outsideTitle')}
      data-testid="topology.outside"
    >
      <HiddenHandles />
      <div className="k-outside-name">{t('outside')}</div>
      {data.gateway && <div className="k-outside-via">{t('outsideVia', { ip: data.gateway })}</div>}
    </div>
  );
}

export default memo(OutsideBox);
