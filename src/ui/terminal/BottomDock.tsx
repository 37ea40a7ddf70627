/** The bottom panel: the event list and the kubectl terminal, as two tabs. */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKind } from '../state/store';
import { EventList } from '../timeline/EventList';

const TerminalView = lazy(() => import('./TerminalView'));

type Tab = 'events' | 'terminal';
const STORAGE_KEY = 'kubesim.dock';

function savedTab(): Tab {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'terminal' ? 'terminal' : 'events';
  } catch {
    return 'events';
  }
}

export function BottomDock() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>(savedTab);
  const [terminalLoaded, setTerminalLoaded] = useState(tab === 'terminal');
  const eventCount = Object.keys(useKind('Event')).length;

  const choose = useCallback((next: Tab) => {
    setTab(next);
    if (next === 'terminal') setTerminalLoaded(true);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // storage may be unavailable
    }
  }, []);

  // Ctrl+` opens the terminal from anywhere, as in code editors.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && (e.key === '`' || e.code === 'Backquote')) {
        e.preventDefault();
        choose('terminal');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [choose]);

  return (
    <section className="panel dock" aria-label={t('terminal.dock')}>
      <div className="dock-tabs" role="tablist">
        <button role="tab" aria-selected={tab === 'events'} className={tab === 'events' ? 'dock-tab active' : 'dock-tab'} data-testid="tab-events" onClick={() => choose('events')}>
          {t('events.title')} <span className="dock-count">{eventCount}</span>
        </button>
        <button role="tab" aria-selected={tab === 'terminal'} className={tab === 'terminal' ? 'dock-tab active' : 'dock-tab'} data-testid="tab-terminal" onClick={() => choose('terminal')}>
          <span className="dock-prompt">$_</span> {t('terminal.title')}
        </button>
        <span className="dock-hint muted small">{tab === 'terminal' ? t('terminal.hint') : t('terminal.open')}</span>
      </div>
      <div className="dock-body" hidden={tab !== 'events'}>
        <EventList />
      </div>
      {terminalLoaded && (
        <div className="dock-body terminal-body" hidden={tab !== 'terminal'}>
          <Suspense fallback={<div className="muted small pad">{t('terminal.loading')}</div>}>
            <TerminalView visible={tab === 'terminal'} />
          </Suspense>
        </div>
      )}
    </section>
  );
}
