/** Top bar: product name, the virtual clock and its controls, the language switch. */
import { useTranslation } from 'react-i18next';
import { humanDuration } from '../sim/kubectl/age';
import { SPEEDS } from '../worker/protocol';
import { LANGUAGES } from './i18n';
import { HelmIcon, PauseIcon, PlayIcon, SkipIcon } from './icons';
import { send } from './state/simClient';
import { useMirror } from './state/store';

function clockText(epochMs: number, now: number): string {
  const d = new Date(epochMs + now);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

export function Header() {
  const { t, i18n } = useTranslation();
  const now = useMirror((s) => s.now);
  const epochMs = useMirror((s) => s.epochMs);
  const paused = useMirror((s) => s.paused);
  const speed = useMirror((s) => s.speed);
  const seed = useMirror((s) => s.seed);

  return (
    <header className="app-header">
      <div className="brand">
        <span className="logo">
          <HelmIcon />
        </span>
        <span className="name">{t('app.name')}</span>
        <span className="tagline">{t('app.tagline')}</span>
      </div>
      <div className="clock" data-testid="clock">
        <div className="clock-time" title={t('clock.virtualTime')}>
          <span className="clock-digits" data-testid="clock-time">
            {clockText(epochMs, now)}
          </span>
          <span className="clock-elapsed">
            +{humanDuration(now)} {paused ? `· ${t('clock.paused')}` : ''}
          </span>
        </div>
        <button
          className="btn icon"
          data-testid={paused ? 'play' : 'pause'}
          onClick={() => send({ type: paused ? 'clock.play' : 'clock.pause' })}
          title={paused ? t('clock.play') : t('clock.pause')}
          aria-label={paused ? t('clock.play') : t('clock.pause')}
        >
          {paused ? <PlayIcon /> : <PauseIcon />}
        </button>
        <div className="segmented" role="group" aria-label={t('clock.speed')}>
          {SPEEDS.map((x) => (
            <button key={x} className={x === speed ? 'active' : ''} data-testid={`speed-${x}`} aria-pressed={x === speed} onClick={() => send({ type: 'clock.speed', x })}>
              {x}×
            </button>
          ))}
        </div>
        <button className="btn icon" data-testid="skip" onClick={() => send({ type: 'clock.skip' })} title={t('clock.skip')} aria-label={t('clock.skip')}>
          <SkipIcon />
        </button>
      </div>
      <button className="btn ghost-dark" data-testid="reset" onClick={() => send({ type: 'reset', seed })} title={t('clock.resetHint')}>
        {t('clock.reset')}
      </button>
      <label className="lang">
        <span className="sr-only">{t('app.language')}</span>
        <select data-testid="language" value={i18n.resolvedLanguage} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
