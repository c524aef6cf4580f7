/**
 * Mounts the animator on the overlay's <g> while it exists (house-style convention 5: create in
 * an effect, read the store lazily, destroy in cleanup). The <g> comes through a callback ref:
 * ViewportPortal renders nothing until React Flow's viewport is in the DOM.
 */
import { useEffect } from 'react';
import { useAppStoreApi } from '../app/store-context.ts';
import { createAnimator } from './animator.ts';
import { currentMotion } from './motion.ts';

export function usePacketAnimator(layer: SVGGElement | null): void {
  const store = useAppStoreApi();
  useEffect(() => {
    if (!layer) return;
    const animator = createAnimator({ layer, store, motion: currentMotion() });
    return () => animator.destroy();
  }, [layer, store]);
}
