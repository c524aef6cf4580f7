/** Refits the view when the pane is resized or the cluster's extent changes (a node added). */
import { useEffect } from 'react';
import { useReactFlow, useStore, type FitViewOptions } from '@xyflow/react';
import type { Rect } from './types.ts';

export function FitOnResize({ bounds, options }: { bounds: Rect; options: FitViewOptions }) {
  const { fitView } = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const extent = `${bounds.x} ${bounds.y} ${bounds.width} ${bounds.height}`;
  useEffect(() => {
    if (width > 0 && height > 0) void fitView(options);
  }, [fitView, options, extent, width, height]);
  return null;
}
