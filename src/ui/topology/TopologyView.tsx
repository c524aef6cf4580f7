/**
 * The cluster as it is wired, in React Flow: nodes with their pods, bridges and devices, the LAN
 * and Weave's overlay between them, the Services and the outside client. The layout is computed
 * once per model (layout.ts); the only thing that changes between hops is which edge is
 * animated, and each box selects its own highlight. `overlay` (the packet layer) is rendered
 * inside <ReactFlow>, so its <ViewportPortal> pans and zooms with the picture.
 */
import { useCallback, useMemo, type ReactNode } from 'react';
import { Background, Controls, ReactFlow, type FitViewOptions } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { AppState } from '../../store/app-state.ts';
import { useAppStore } from '../app/store-context.ts';
import { useT } from '../i18n/i18n.ts';
import { FitOnResize } from './FitOnResize.tsx';
import { selectActiveEdge } from './highlight.ts';
import { getLayout } from './layout.ts';
import { TOPOLOGY_MESSAGES } from './messages.ts';
import { EDGE_TYPES, NODE_TYPES } from './node-types.ts';
import type { LinkEdge, TopologyNode } from './types.ts';
import './topology.css';

/**
 * Fit the whole cluster, but never so small that the text cannot be read; the strip at the bottom
 * keeps the zoom buttons (left) and React Flow's attribution (right) off the boxes.
 */
const FIT_OPTIONS: FitViewOptions = {
  padding: { top: '8px', bottom: '26px', left: '8px', right: '8px' },
  minZoom: 0.58,
  maxZoom: 1.2,
};
const EMPTY_EDGES: LinkEdge[] = [];

/** The same edge objects, except the active one (animated and drawn above the others). */
function markActive(edges: readonly LinkEdge[], active: string | null): LinkEdge[] {
  return edges.map((e) =>
    e.id === active
      ? { ...e, animated: true, zIndex: 10, className: `${e.className} is-active` }
      : e,
  );
}

export function TopologyView({ overlay }: { overlay?: ReactNode }) {
  const t = useT(TOPOLOGY_MESSAGES);
  const model = useAppStore((s) => s.model);
  const theme = useAppStore((s) => s.theme);
  const presenting = useAppStore((s) => s.presenting);
  const layout = model ? getLayout(model) : null;
  const activeEdge = useAppStore(
    useCallback((s: AppState) => selectActiveEdge(s, layout), [layout]),
  );
  const edges = useMemo(
    () => (layout ? markActive(layout.edges, activeEdge) : EMPTY_EDGES),
    [layout, activeEdge],
  );
  if (!layout) return null;
  return (
    <div className="topology" data-testid="topology" role="figure" aria-label={t('topology')}>
      <ReactFlow<TopologyNode, LinkEdge>
        nodes={layout.nodes as TopologyNode[]}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        colorMode={theme}
        fitView
        fitViewOptions={FIT_OPTIONS}
        minZoom={0.3}
        maxZoom={2}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        zoomOnDoubleClick={false}
        // Space is the playback key (play/pause), not React Flow's pan modifier.
        panActivationKeyCode={null}
        // Presentation mode: the picture stays put for the room.
        panOnDrag={!presenting}
        zoomOnScroll={!presenting}
        zoomOnPinch={!presenting}
      >
        <Background gap={24} size={1} />
        {!presenting && (
          <Controls
            showInteractive={false}
            position="bottom-left"
            orientation="horizontal"
            fitViewOptions={FIT_OPTIONS}
          />
        )}
        <FitOnResize bounds={layout.bounds} options={FIT_OPTIONS} />
        {overlay}
      </ReactFlow>
    </div>
  );
}
