/**
 * The packet overlay: one SVG in flow coordinates (it pans and zooms with the graph), rendered
 * once by React; the animator owns everything inside the <g>.
 */
import { ViewportPortal } from '@xyflow/react';
import { useState } from 'react';
import { useT } from '../i18n/i18n.ts';
import { PACKET_MESSAGES } from './messages.ts';
import { usePacketAnimator } from './usePacketAnimator.ts';
import './packets.css';

export function PacketLayer() {
  const t = useT(PACKET_MESSAGES);
  const [layer, setLayer] = useState<SVGGElement | null>(null);
  usePacketAnimator(layer);
  return (
    <ViewportPortal>
      <svg className="packet-layer" data-testid="packets.layer" aria-label={t('layer')} role="img">
        <g ref={setLayer} />
      </svg>
    </ViewportPortal>
  );
}
