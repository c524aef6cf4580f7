/**
 * Keyboard playback: space plays or pauses, ←/→ step, Home/End jump to the first/last hop.
 * Keys typed into the editor, inputs, selects or text areas are theirs; space on a button
 * presses that button.
 */
import { useEffect } from 'react';
import { useAppStoreApi } from '../app/store-context.ts';

function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, select, textarea, [contenteditable="true"], .cm-editor')) return true;
  return key === ' ' && target.closest('button, a[href], [role="button"]') !== null;
}

export function usePlaybackKeys(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Not `defaultPrevented`: React Flow prevents Space's default (its pan-activation key).
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (ownsKeys(e.target, e.key)) return;
      const s = store.getState();
      if (s.steps.length === 0) return;
      if (e.key === ' ') s.togglePlay();
      else if (e.key === 'ArrowRight') s.step(1);
      else if (e.key === 'ArrowLeft') s.step(-1);
      else if (e.key === 'Home') s.seek(0);
      else if (e.key === 'End') s.seek(s.steps.length - 1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
