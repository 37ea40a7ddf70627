/** Right: the inspector for the selected pod or node: kubectl-style summary, events, YAML, scheduler's reasons. */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stringify } from 'yaml';
import { humanDuration } from '../../sim/kubectl/age';
import type { PlainObject } from '../../worker/protocol';
import { podRow } from '../format/podStatus';
import { nodeReady } from '../graph/model';
import { objKey, useKind, useMirror } from '../state/store';
import { request } from '../state/simClient';
import { eventTime } from '../timeline/events';
import { Explanation } from './Explanation';
import { SearchIcon } from '../icons';

function age(now: number, epochMs: number, ts: unknown): string {
  if (typeof ts !== 'string') return '<unknown>';
  return humanDuration(epochMs + now - Date.parse(ts));
}

function roles(node: PlainObject): string {
  const labels = (node.metadata.labels ?? {}) as Record<string, string>;
  const out = Object.keys(labels)
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .filter(Boolean);
  if (labels['kubernetes.io/role']) out.push(labels['kubernetes.io/role']);
  return out.length ? out.sort().join(',') : '<none>';
}

/** The `kubectl get <kind> -o wide` row for the object. */
function summary(obj: PlainObject, now: number, epochMs: number): [string, string][] {
  const created = age(now, epochMs, obj.metadata.creationTimestamp);
  if (obj.kind === 'Pod') {
    const row = podRow(obj);
    return [
      ['NAME', obj.metadata.name],
      ['READY', row.ready],
      ['STATUS', row.status],
      ['RESTARTS', String(row.restarts)],
      ['AGE', created],
      ['IP', obj.status?.podIP ?? '<none>'],
      ['NODE', obj.spec?.nodeName ?? '<none>'],
    ];
  }
  if (obj.kind === 'Node') {
    const status = nodeReady(obj) ? 'Ready' : 'NotReady';
    return [
      ['NAME', obj.metadata.name],
      ['STATUS', obj.spec?.unschedulable ? `${status},SchedulingDisabled` : status],
      ['ROLES', roles(obj)],
      ['AGE', created],
      ['VERSION', obj.status?.nodeInfo?.kubeletVersion ?? ''],
      ['INTERNAL-IP', (obj.status?.addresses ?? []).find((a: { type: string }) => a.type === 'InternalIP')?.address ?? '<none>'],
    ];
  }
  if (obj.kind === 'Deployment') {
    return [
      ['NAME', obj.metadata.name],
      ['READY', `${obj.status?.readyReplicas ?? 0}/${obj.spec?.replicas ?? 1}`],
      ['UP-TO-DATE', String(obj.status?.updatedReplicas ?? 0)],
      ['AVAILABLE', String(obj.status?.availableReplicas ?? 0)],
      ['AGE', created],
      ['IMAGES', ((obj.spec?.template?.spec?.containers ?? []) as { image?: string }[]).map((c) => c.image ?? '').join(',')],
    ];
  }
  return [
    ['NAME', obj.metadata.name],
    ['AGE', created],
  ];
}

export function Inspector() {
  const { t } = useTranslation();
  const selection = useMirror((s) => s.selection);
  const select = useMirror((s) => s.select);
  const obj = useMirror((s) => (s.selection ? s.objects[s.selection.kind]?.[objKey(s.selection.namespace || undefined, s.selection.name)] : undefined));
  const now = useMirror((s) => s.now);
  const epochMs = useMirror((s) => s.epochMs);
  const events = useKind('Event');
  const [tab, setTab] = useState<'events' | 'yaml'>('events');
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => setNote(null), [selection]);

  const objEvents = useMemo(() => {
    if (!selection) return [];
    return Object.values(events)
      .filter((e) => {
        const io = e.involvedObject ?? {};
        if (obj?.metadata.uid && io.uid) return io.uid === obj.metadata.uid;
        return io.kind === selection.kind && io.name === selection.name && (io.namespace ?? '') === (selection.namespace ?? '');
      })
      .sort((a, b) => eventTime(a) - eventTime(b));
  }, [events, selection, obj?.metadata.uid]);

  const yamlText = useMemo(() => (obj ? stringify(obj, { lineWidth: 0 }) : ''), [obj]);

  if (!selection) {
    return (
      <section className="panel inspector" data-testid="inspector">
        <header className="panel-head">
          <h2>{t('inspector.title')}</h2>
        </header>
        <div className="inspector-empty muted">
          <div className="big-icon"><SearchIcon /></div>
          {t('inspector.empty')}
        </div>
      </section>
    );
  }

  return (
    <section className="panel inspector" data-testid="inspector">
      <header className="panel-head">
        <h2>
          <span className="kind-tag">{selection.kind}</span> <span data-testid="inspector-name">{selection.name}</span>
        </h2>
        {obj?.kind === 'Pod' && (
          <button
            className="btn small danger-ghost"
            data-testid="delete-pod"
            disabled={!!obj.metadata.deletionTimestamp}
            onClick={async () => {
              try {
                await request({ type: 'delete', kind: 'Pod', namespace: obj.metadata.namespace ?? 'default', name: obj.metadata.name });
                setNote(t('inspector.deleted', { name: obj.metadata.name }));
              } catch (err) {
                setNote(err instanceof Error ? err.message : String(err));
              }
            }}
          >
            {t('inspector.deletePod')}
          </button>
        )}
        <button className="icon-btn" onClick={() => select(null)} aria-label={t('inspector.close')} title={t('inspector.close')}>
          ×
        </button>
      </header>
      {!obj ? (
        <div className="inspector-body">
          <p className="muted">{t('inspector.gone')}</p>
          {note && <pre className="terminal small">{note}</pre>}
        </div>
      ) : (
        <div className="inspector-body">
          <dl className="kv-grid" data-testid="inspector-summary">
            {/* The name is in the panel's title. */}
            {summary(obj, now, epochMs)
              .filter(([k]) => k !== 'NAME')
              .map(([k, v]) => (
                <div key={k} className={k === 'IMAGES' || v.length > 18 ? 'kv-item wide' : 'kv-item'}>
                  <dt>{k}</dt>
                  <dd className={k === 'STATUS' ? `status-cell s-${v.replace(/[^A-Za-z]/g, '')}` : undefined}>{v}</dd>
                </div>
              ))}
          </dl>
          {note && <p className="mono small note">{note}</p>}
          {obj.kind === 'Pod' && <Explanation pod={obj} />}
          <div className="tabs" role="tablist">
            <button role="tab" aria-selected={tab === 'events'} className={tab === 'events' ? 'tab active' : 'tab'} onClick={() => setTab('events')}>
              {t('inspector.events')} <span className="count">{objEvents.length}</span>
            </button>
            <button role="tab" aria-selected={tab === 'yaml'} className={tab === 'yaml' ? 'tab active' : 'tab'} onClick={() => setTab('yaml')}>
              {t('inspector.yaml')}
            </button>
          </div>
          {tab === 'events' ? (
            objEvents.length === 0 ? (
              <p className="mono small muted">Events: {t('inspector.noEvents')}</p>
            ) : (
              <table className="grid small" data-testid="inspector-events">
                <thead>
                  <tr>
                    <th>Type</th>
                    <th>Reason</th>
                    <th>Age</th>
                    <th>From</th>
                    <th>Message</th>
                  </tr>
                </thead>
                <tbody>
                  {objEvents.map((e) => (
                    <tr key={e.metadata.name} className={e.type === 'Warning' ? 'warn' : undefined}>
                      <td>{e.type}</td>
                      <td>{e.reason}</td>
                      <td className="nowrap">{describeAge(e, now, epochMs)}</td>
                      <td>{e.source?.component ?? e.reportingComponent ?? ''}</td>
                      <td>{String(e.message ?? '').trim()}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          ) : (
            <pre className="yaml-view" data-testid="inspector-yaml">
              {yamlText}
            </pre>
          )}
        </div>
      )}
    </section>
  );
}

/** `kubectl describe` event age: `2m5s (x4 over 5m)` when repeated (k8s-semantics §6.5). */
function describeAge(e: PlainObject, now: number, epochMs: number): string {
  const last = age(now, epochMs, e.lastTimestamp ?? e.firstTimestamp ?? e.eventTime);
  const count = Number(e.count ?? 1);
  if (count > 1 && e.firstTimestamp) return `${last} (x${count} over ${age(now, epochMs, e.firstTimestamp)})`;
  return last;
}
