/**
 * Every link: its path comes from the layout (the same points the packet layer follows), not from
 * handle positions. The built-in `animated` class animates the edge under the packet.
 */
import { memo, useMemo } from 'react';
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { useT } from '../../i18n/i18n.ts';
import { svgPath } from '../link-path.ts';
import { TOPOLOGY_MESSAGES } from '../messages.ts';
import type { LinkEdge, LinkLabel, Point } from '../types.ts';

function LinkLabelView({ label, at }: { label: LinkLabel; at: Point }) {
  const t = useT(TOPOLOGY_MESSAGES);
  const text =
    label.kind === 'lan'
      ? t('lan', { cidr: label.cidr })
      : label.kind === 'overlay'
        ? t('overlay', label)
        : t('noOverlay');
  return (
    <EdgeLabelRenderer>
      <div
        className={`k-link-label k-link-label-${label.kind}`}
        style={{ transform: `translate(${at.x}px, ${at.y}px) translateY(-50%)` }}
        data-testid={`topology.label.${label.kind}`}
      >
        {text}
      </div>
    </EdgeLabelRenderer>
  );
}

function LinkEdgeView({ id, data }: EdgeProps<LinkEdge>) {
  const points = data?.points;
  const d = useMemo(() => (points ? svgPath(points) : ''), [points]);
  if (!data) return null;
  return (
    <>
      <BaseEdge id={id} path={d} />
      {data.labels.map((l) => (
        <LinkLabelView key={l.label.kind} label={l.label} at={l.at} />
      ))}
    </>
  );
}

export default memo(LinkEdgeView);
