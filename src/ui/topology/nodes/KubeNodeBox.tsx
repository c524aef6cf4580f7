/** A Kubernetes node: name and role, the bridge's port rail, and its host row of hostNetwork pods. */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useT } from '../../i18n/i18n.ts';
import { hostId } from '../ids.ts';
import { TOPOLOGY_MESSAGES } from '../messages.ts';
import { HOST_H, NODE_W, SPINE_X, VXLAN_DROP_X } from '../sizes.ts';
import type { KubeNodeFlow } from '../types.ts';
import { useIsHop, useIsOnNode } from '../use-highlight.ts';

function KubeNodeBox({ data }: NodeProps<KubeNodeFlow>) {
  const t = useT(TOPOLOGY_MESSAGES);
  const onNode = useIsOnNode(data.name);
  const atHost = useIsHop(hostId(data.name));
  return (
    <div
      className={`k-node${onNode ? ' is-on-path' : ''}`}
      data-testid={`topology.node.${data.name}`}
      data-role={data.role}
    >
      <div className="k-node-head">
        <span className="k-node-name">{data.name}</span>
        <span className="k-node-role">{data.role}</span>
      </div>
      {data.rail && (
        <div
          className="k-rail"
          style={{
            left: SPINE_X - 1,
            top: data.rail.top,
            height: data.rail.bottom - data.rail.top,
          }}
        />
      )}
      <div
        className={`k-host${atHost ? ' is-hop' : ''}`}
        style={{ top: data.hostTop, height: HOST_H, right: NODE_W - VXLAN_DROP_X + 4 }}
        title={t('hostPods')}
      >
        {data.hostPods.map((p) => (
          <span
            key={p.key}
            className="k-hostpod"
            title={p.title}
            data-testid={`topology.hostpod.${p.key}`}
          >
            {p.label}
          </span>
        ))}
      </div>
    </div>
  );
}

export default memo(KubeNodeBox);
