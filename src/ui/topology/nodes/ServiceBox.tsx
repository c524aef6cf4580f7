/** A Service as the virtual address it is: name, type, ClusterIP, ports, NodePorts. */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useT } from '../../i18n/i18n.ts';
import { TOPOLOGY_MESSAGES } from '../messages.ts';
import type { ServiceFlow } from '../types.ts';
import { useCarries } from '../use-highlight.ts';

function ServiceBox({ data }: NodeProps<ServiceFlow>) {
  const t = useT(TOPOLOGY_MESSAGES);
  const headless = data.clusterIP === 'None';
  const active = useCarries(headless ? null : data.clusterIP);
  const ports = data.ports;
  return (
    <div
      className={`k-svc${data.system ? ' is-system' : ''}${active ? ' is-hop' : ''}`}
      title={`${t('service')} ${data.key} · ${data.clusterIP ?? ''}\n${ports.join(' · ')}\n\n${t('serviceTitle')}`}
      data-testid={`topology.service.${data.key}`}
    >
      <div className="k-svc-name">{data.name}</div>
      <div className="k-svc-ip">{headless ? t('headless') : (data.clusterIP ?? '—')}</div>
      <div className="k-svc-ports">{[...ports, data.type].join(' · ')}</div>
    </div>
  );
}

export default memo(ServiceBox);
