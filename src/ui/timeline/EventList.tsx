/** Bottom: the live event stream, newest first, with `kubectl get events` columns. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { humanDuration } from '../../sim/kubectl/age';
import { useKind, useMirror } from '../state/store';
import { eventObject, eventTime } from './events';

const MAX_ROWS = 200;

export function EventList() {
  const { t } = useTranslation();
  const events = useKind('Event');
  const now = useMirror((s) => s.now);
  const epochMs = useMirror((s) => s.epochMs);
  const select = useMirror((s) => s.select);

  const rows = useMemo(
    () =>
      Object.values(events)
        .map((e) => ({ e, time: eventTime(e) }))
        .sort((a, b) => b.time - a.time || Number(b.e.metadata.resourceVersion ?? 0) - Number(a.e.metadata.resourceVersion ?? 0))
        .slice(0, MAX_ROWS),
    [events],
  );
  const total = Object.keys(events).length;

  return (
    <section className="panel events-panel" data-testid="events" aria-label={t('events.title')}>
      <header className="panel-head">
        <h2>{t('events.title')}</h2>
        <span className="muted small">{t('events.count', { count: total })}</span>
      </header>
      <div className="events-scroll">
        {rows.length === 0 ? (
          <p className="muted small pad">{t('events.none')}</p>
        ) : (
          <table className="grid events-table">
            <thead>
              <tr>
                <th>{t('events.lastSeen')}</th>
                <th>{t('events.type')}</th>
                <th>{t('events.reason')}</th>
                <th>{t('events.object')}</th>
                <th>{t('events.message')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ e, time }) => {
                const io = e.involvedObject ?? {};
                return (
                  <tr key={e.metadata.name} className={e.type === 'Warning' ? 'warn' : undefined} data-testid="event-row">
                    <td className="nowrap">{time ? humanDuration(epochMs + now - time) : '<unknown>'}</td>
                    <td className="type">{e.type}</td>
                    <td className="reason">{e.reason}</td>
                    <td className="nowrap">
                      {io.kind === 'Pod' || io.kind === 'Node' ? (
                        <button className="link" onClick={() => select({ kind: io.kind, namespace: io.namespace ?? '', name: io.name })}>
                          {eventObject(e)}
                        </button>
                      ) : (
                        eventObject(e)
                      )}
                    </td>
                    <td className="message">{String(e.message ?? '').trim()}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
