/** Play/pause, step back and forward, speed, and where playback is: "hop i / n". */
import { SPEEDS } from '../../store/playback-slice.ts';
import { useT } from '../i18n/i18n.ts';
import { useAppStore, useAppStoreApi } from '../app/store-context.ts';
import { TRACE_MESSAGES } from './messages.ts';
import { PlaybackIcon } from './PlaybackIcon.tsx';

export function PlaybackControls() {
  const t = useT(TRACE_MESSAGES);
  const store = useAppStoreApi();
  const n = useAppStore((s) => s.steps.length);
  const hopIndex = useAppStore((s) => s.hopIndex);
  const playing = useAppStore((s) => s.status === 'playing');
  const speed = useAppStore((s) => s.speed);
  const none = n === 0;

  return (
    <div className="playback" role="group" aria-label={t('keysHint')} title={t('keysHint')}>
      <button
        type="button"
        data-testid="playback.back"
        aria-label={t('back')}
        title={t('back')}
        disabled={none || hopIndex <= 0}
        onClick={() => store.getState().step(-1)}
      >
        <PlaybackIcon name="back" />
      </button>
      <button
        type="button"
        className="primary play"
        data-testid="playback.play"
        aria-label={playing ? t('pause') : t('play')}
        title={playing ? t('pause') : t('play')}
        disabled={none}
        onClick={() => store.getState().togglePlay()}
      >
        <PlaybackIcon name={playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        data-testid="playback.forward"
        aria-label={t('forward')}
        title={t('forward')}
        disabled={none || hopIndex >= n - 1}
        onClick={() => store.getState().step(1)}
      >
        <PlaybackIcon name="forward" />
      </button>
      <label className="field">
        <span>{t('speed')}</span>
        <select
          data-testid="playback.speed"
          value={speed}
          onChange={(e) => store.getState().setSpeed(Number(e.target.value))}
        >
          {SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v}×
            </option>
          ))}
        </select>
      </label>
      <output className="playback-position" data-testid="playback.position" aria-live="polite">
        {none ? '' : t('position', { i: Math.max(0, hopIndex + 1), n })}
      </output>
    </div>
  );
}
