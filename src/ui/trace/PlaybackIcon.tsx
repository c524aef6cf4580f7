/** Small SVG icons for the playback buttons (no icon font: the page loads nothing else). */
const PATHS = {
  back: 'M3 2h2v12H3zM14 2v12L6 8z',
  forward: 'M11 2h2v12h-2zM2 2v12l8-6z',
  play: 'M4 2v12l10-6z',
  pause: 'M3 2h4v12H3zM9 2h4v12H9z',
} as const;

export function PlaybackIcon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
