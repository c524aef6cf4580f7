/** Pods beyond what a node box shows, counted; lit when the packet is at one of them. */
import { memo, useMemo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useAppStore } from '../../app/store-context.ts';
import { useT } from '../../i18n/i18n.ts';
import { selectHopAnchor } from '../highlight.ts';
import { podId } from '../ids.ts';
import { TOPOLOGY_MESSAGES } from '../messages.ts';
import type { MorePodsFlow } from '../types.ts';

function MorePodsBox({ data }: NodeProps<MorePodsFlow>) {
  const t = useT(TOPOLOGY_MESSAGES);
  const ids = useMemo(() => new Set(data.nsIds.map(podId)), [data.nsIds]);
  const active = useAppStore((s) => ids.has(selectHopAnchor(s) ?? ''));
  return (
    <div
      className={`k-pod k-more${active ? ' is-hop' : ''}`}
      data-testid={`topology.more.${data.node}`}
    >
      {t('morePods', { n: data.count })}
    </div>
  );
}

export default memo(MorePodsBox);
