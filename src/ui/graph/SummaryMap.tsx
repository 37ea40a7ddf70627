/**
 * The map of a large cluster (summary mode): every node as a compact tile coloured by
 * health and fullness, grouped by zone, with semantic zoom (dots → tiles → cards).
 * Clicking a tile asks the Worker for that node's pods (detail on demand) and lists them.
 */
import { memo, useCallback, useMemo, useState, type WheelEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeSummary } from '../../worker/protocol';
import { send, showNodeDetail } from '../state/simClient';
import { useKind, useMirror } from '../state/store';
import { PowerIcon, RestoreIcon } from '../icons';
import { Chip } from './Chip';
import { toChip } from './model';

export type ZoomLevel = 'far' | 'mid' | 'near';
const LEVELS: readonly ZoomLevel[] = ['far', 'mid', 'near'];
const TONES = ['ok', 'progress', 'error', 'terminating', 'done'] as const;
/** Pods listed in the detail panel at most (the count is always exact). */
const DETAIL_MAX = 250;

/** The zoom that keeps the whole cluster readable at first sight. */
export function defaultLevel(nodes: number): ZoomLevel {
  return nodes <= 150 ? 'near' : nodes <= 1200 ? 'mid' : 'far';
}

export function podTotal(row: NodeSummary): number {
  let n = 0;
  for (const c of row.pods) n += c;
  return n;
}

/** How full a node is (0..1): the larger of CPU requested and pod slots used. */
export function fullness(row: NodeSummary): number {
  const live = row.pods[0] + row.pods[1] + row.pods[2] + row.pods[3];
  const cpu = row.cpuAllocatable > 0 ? row.cpuRequested / row.cpuAllocatable : 0;
  const slots = row.podsAllocatable > 0 ? live / row.podsAllocatable : 0;
  return Math.max(0, Math.min(1, Math.max(cpu, slots)));
}

/** health: bad (NotReady or off), warn (failing pods), ok. */
export function health(row: NodeSummary): 'bad' | 'warn' | 'ok' {
  if (!row.alive || !row.ready) return 'bad';
  return row.pods[2] > 0 ? 'warn' : 'ok';
}

const fmt = new Intl.NumberFormat('en');

const Tile = memo(function Tile({ row, level, selected, onPick }: { row: NodeSummary; level: ZoomLevel; selected: boolean; onPick: (name: string) => void }) {
  const { t } = useTranslation();
  const total = podTotal(row);
  const full = fullness(row);
  const h = health(row);
  const fill = Math.round(full * 10);
  const title = `${row.name} — ${row.ready && row.alive ? t('map.ready') : t('map.notReady')} · ${t('map.pods', { count: total })} · CPU ${Math.round((row.cpuRequested / Math.max(1, row.cpuAllocatable)) * 100)}%`;
  return (
    <button
      className={`tile lvl-${level} h-${h} fill-${fill}${selected ? ' selected' : ''}${row.alive ? '' : ' off'}`}
      data-testid="node-tile"
      data-node={row.name}
      data-pods={total}
      data-ready={String(row.ready && row.alive)}
      title={title}
      onClick={() => onPick(row.name)}
    >
      {level !== 'far' && (
        <>
          <span className="tile-name">{row.name}</span>
          <span className="tile-count" data-testid="tile-count">
            {total}
          </span>
        </>
      )}
      {level === 'near' && (
        <>
          <span className="tile-bar" aria-hidden>
            {row.pods.map((n, i) => (n > 0 ? <span key={i} className={`seg tone-${TONES[i]}`} style={{ flexGrow: n }} /> : null))}
          </span>
          <span className="tile-meters">
            <Meter label="CPU" used={row.cpuRequested} total={row.cpuAllocatable} />
            <Meter label="MEM" used={row.memRequested} total={row.memAllocatable} />
          </span>
          {!(row.ready && row.alive) && <span className="tile-flag">{row.alive ? t('map.notReady') : t('map.powerOff')}</span>}
        </>
      )}
    </button>
  );
});

function Meter({ label, used, total }: { label: string; used: number; total: number }) {
  const pct = total > 0 ? Math.min(100, Math.round((used / total) * 100)) : 0;
  return (
    <span className="meter">
      <span className="meter-label">{label}</span>
      <span className="meter-track">
        <span className={`meter-fill${pct >= 90 ? ' hot' : ''}`} style={{ width: `${pct}%` }} />
      </span>
      <span className="meter-pct">{pct}%</span>
    </span>
  );
}

interface Zone {
  zone: string;
  rows: NodeSummary[];
  pods: number;
  notReady: number;
}

function NodeDetail({ row }: { row: NodeSummary | undefined }) {
  const { t } = useTranslation();
  const name = useMirror((s) => s.detailNode);
  const pods = useKind('Pod');
  const chips = useMemo(
    () =>
      Object.values(pods)
        .filter((p) => p.spec?.nodeName === name)
        .map(toChip)
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    [pods, name],
  );
  if (!name) return null;
  const total = row ? podTotal(row) : chips.length;
  return (
    <aside className="tile-detail" data-testid="node-detail" data-node={name}>
      <header className="node-head">
        <span className="node-name">{name}</span>
        {row && (
          <span className={`badge ${row.ready && row.alive ? 'ok' : 'bad'}`}>{row.ready && row.alive ? t('map.ready') : t('map.notReady')}</span>
        )}
        <button className="btn small ghost close" data-testid="close-detail" onClick={() => showNodeDetail(null)} aria-label={t('map.closeDetail')}>
          ×
        </button>
      </header>
      {row && (
        <div className="detail-meta">
          <span>{row.zone}</span>
          <span>{t('map.pods', { count: total })}</span>
          <Meter label="CPU" used={row.cpuRequested} total={row.cpuAllocatable} />
          <Meter label="MEM" used={row.memRequested} total={row.memAllocatable} />
        </div>
      )}
      <div className="chips detail-chips" data-testid="detail-pods">
        {chips.length === 0 ? (
          <span className="muted small empty">{total > 0 ? t('app.starting') : t('map.empty')}</span>
        ) : (
          chips.slice(0, DETAIL_MAX).map((c) => <Chip key={c.uid} chip={c} />)
        )}
        {chips.length > DETAIL_MAX && <span className="muted small">{t('map.more', { count: chips.length - DETAIL_MAX })}</span>}
      </div>
      {row && !row.controlPlane && (
        <div className="node-foot">
          {row.alive ? (
            <button className="btn small danger-ghost" data-testid={`kill-node-${name}`} onClick={() => send({ type: 'chaos.killNode', name })}>
              <PowerIcon /> {t('map.kill')}
            </button>
          ) : (
            <button className="btn small" data-testid={`restore-node-${name}`} onClick={() => send({ type: 'chaos.restoreNode', name })}>
              <RestoreIcon /> {t('map.restore')}
            </button>
          )}
        </div>
      )}
    </aside>
  );
}

export function SummaryMap() {
  const { t } = useTranslation();
  const summary = useMirror((s) => s.summary);
  const detailNode = useMirror((s) => s.detailNode);
  const select = useMirror((s) => s.select);
  const [chosen, setLevel] = useState<ZoomLevel | null>(null);
  const level = chosen ?? defaultLevel(summary.order.length);

  const zones = useMemo(() => {
    const out: Zone[] = [];
    const byZone = new Map<string, Zone>();
    for (const name of summary.order) {
      const row = summary.rows[name];
      if (!row) continue;
      const key = row.controlPlane ? '' : row.zone;
      let z = byZone.get(key);
      if (!z) byZone.set(key, (z = { zone: key, rows: [], pods: 0, notReady: 0 }));
      if (z.rows.length === 0) out.push(z);
      z.rows.push(row);
      z.pods += podTotal(row);
      if (!row.ready || !row.alive) z.notReady++;
    }
    return out;
  }, [summary.order, summary.rows]);

  const pick = useCallback(
    (name: string) => {
      showNodeDetail(name);
      select({ kind: 'Node', namespace: '', name });
    },
    [select],
  );
  const zoom = (dir: 1 | -1) => setLevel(LEVELS[Math.max(0, Math.min(LEVELS.length - 1, LEVELS.indexOf(level) + dir))]);
  const onWheel = (e: WheelEvent) => {
    if (!e.ctrlKey && !e.metaKey) return;
    e.preventDefault();
    zoom(e.deltaY < 0 ? 1 : -1);
  };
  const notReady = zones.reduce((n, z) => n + z.notReady, 0);

  return (
    <div className={`summary-map lvl-${level}`} data-testid="summary-map" data-level={level} onWheel={onWheel}>
      <div className="summary-bar">
        <span className="summary-stat strong" data-testid="summary-nodes" data-nodes={summary.order.length}>
          {t('map.nodesCount', { count: summary.order.length, formatted: fmt.format(summary.order.length) })}
        </span>
        <span className="summary-stat strong" data-testid="summary-total" data-pods={summary.podCount}>
          {t('map.podsCount', { count: summary.podCount, formatted: fmt.format(summary.podCount) })}
        </span>
        {TONES.slice(0, 4).map((tone, i) => (
          <span key={tone} className="summary-stat" data-testid={`summary-${tone}`} data-count={summary.totals[i]}>
            <span className={`legend-swatch tone-${tone}`} />
            {t(`map.legend.${tone}`)} {fmt.format(summary.totals[i] ?? 0)}
          </span>
        ))}
        <span className={`summary-stat${summary.pending ? ' warn' : ''}`} data-testid="summary-pending" data-count={summary.pending}>
          {t('map.pending')} {fmt.format(summary.pending)}
        </span>
        {notReady > 0 && (
          <span className="summary-stat bad" data-testid="summary-notready">
            {t('map.notReady')} {notReady}
          </span>
        )}
        <span className="summary-zoom">
          <span className="muted small">{t('map.fullnessHint')}</span>
          <span className="fill-scale" aria-hidden>
            {[1, 4, 7, 10].map((f) => (
              <span key={f} className={`tile lvl-far h-ok fill-${f}`} />
            ))}
          </span>
          <button className="btn small" data-testid="zoom-out" onClick={() => zoom(-1)} disabled={level === 'far'} aria-label={t('map.zoomOut')}>
            −
          </button>
          <span className="small" data-testid="zoom-level">{t(`map.zoom.${level}`)}</span>
          <button className="btn small" data-testid="zoom-in" onClick={() => zoom(1)} disabled={level === 'near'} aria-label={t('map.zoomIn')}>
            +
          </button>
        </span>
      </div>
      <div className="summary-body">
        <div className="summary-scroll">
          {zones.map((z) => (
            <section key={z.zone} className="zone" data-testid="zone" data-zone={z.zone}>
              <h3 className="zone-head">
                <span className="mono">{z.zone || t('map.controlPlane')}</span>
                <span className="muted small">
                  {t('map.nodesCount', { count: z.rows.length, formatted: fmt.format(z.rows.length) })} · {t('map.podsCount', { count: z.pods, formatted: fmt.format(z.pods) })}
                  {z.notReady > 0 && <span className="bad"> · {t('map.notReady')} {z.notReady}</span>}
                </span>
              </h3>
              <div className="tiles">
                {z.rows.map((row) => (
                  <Tile key={row.name} row={row} level={level} selected={row.name === detailNode} onPick={pick} />
                ))}
              </div>
            </section>
          ))}
        </div>
        <NodeDetail row={detailNode ? summary.rows[detailNode] : undefined} />
      </div>
    </div>
  );
}
