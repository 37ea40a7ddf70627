/**
 * Why the scheduler put this pod where it did (or could not): its latest scheduling
 * attempt as one row per node. A node ruled out shows the filter plugin that rejected
 * it and its reason word for word; a node that passed shows its total score, and opens
 * to each score plugin's raw, normalised (0–100) and weighted score.
 */
import { Fragment, useState, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { humanDuration } from '../../sim/kubectl/age';
import type { NodeRecord, SchedulingRecord } from '../../sim/scheduler/explain';
import type { PlainObject } from '../../worker/protocol';
import { useExplain } from '../state/explain';
import { useMirror } from '../state/store';

export interface ExplainRow {
  node: string;
  fits: boolean;
  chosen: boolean;
  /** The filter plugin that rejected the node ('' when it passed). */
  plugin: string;
  /** Its reasons, word for word. */
  reason: string;
  /** `Plugin: reason, reason` of the filter that rejected the node. */
  rejection: string;
  total: number | null;
  /** Per-plugin weighted scores, one per line. */
  breakdown: string;
  record: NodeRecord;
}

function row(n: NodeRecord, selected: string | undefined): ExplainRow {
  const failed = n.filters.find((f) => f.code !== 'Success');
  const reason = failed ? failed.reasons.join(', ') || failed.code : '';
  return {
    node: n.node,
    fits: !failed,
    chosen: n.node === selected,
    plugin: failed?.plugin ?? '',
    reason,
    rejection: failed ? `${failed.plugin}: ${reason}` : '',
    total: typeof n.total === 'number' ? n.total : null,
    breakdown: n.scores.map((s) => `${s.plugin}: ${Math.round(s.weighted)}`).join('\n'),
    record: n,
  };
}

/** Rows in reading order: the chosen node, then the other feasible ones by score, then the rejected. */
export function explainRows(record: SchedulingRecord): ExplainRow[] {
  const rank = (r: ExplainRow) => (r.chosen ? 0 : r.fits ? 1 : 2);
  return record.nodes
    .map((n) => row(n, record.selected))
    .sort((a, b) => rank(a) - rank(b) || (b.total ?? 0) - (a.total ?? 0) || (a.node < b.node ? -1 : 1));
}

/** A score as a learner reads it: whole numbers stay whole, others get one decimal. */
export function fmtScore(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const r = Math.round(n * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/** `NodeResourcesBalancedAllocation` may wrap between its words in a narrow column. */
function camel(name: string): ReactNode {
  const parts = name.split(/(?<=[a-z])(?=[A-Z])/);
  return parts.map((p, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {p}
    </Fragment>
  ));
}

type Cond = { type: string; status?: string; reason?: string; message?: string };

export function Explanation({ pod }: { pod: PlainObject }) {
  const uid = String(pod.metadata.uid ?? '');
  // A new pod starts with its own expanded rows.
  return <ExplanationBody key={uid} pod={pod} />;
}

function ExplanationBody({ pod }: { pod: PlainObject }) {
  const { t } = useTranslation();
  const uid = String(pod.metadata.uid ?? '');
  const selected = useExplain((s) => (s.selected?.uid === uid ? s.selected : null));
  const now = useMirror((s) => s.now);
  const record = selected?.record;
  const [toggled, setToggled] = useState<Record<string, boolean>>({});

  const scheduled = ((pod.status?.conditions ?? []) as Cond[]).find((c) => c.type === 'PodScheduled');
  const nodeName: string = pod.spec?.nodeName ?? '';
  const failedMessage = !nodeName && scheduled?.status === 'False' ? scheduled.message || record?.message || '' : '';
  const nominated: string = record?.nominatedNode || pod.status?.nominatedNodeName || '';
  const victims = record?.victims ?? [];

  const rows = record ? explainRows(record) : [];
  const feasible = rows.filter((r) => r.fits).length;
  const chosen = rows.find((r) => r.chosen);
  const max = Math.max(1, ...rows.map((r) => r.total ?? 0));
  const isOpen = (r: ExplainRow) => toggled[r.node] ?? r.chosen;
  const tied = chosen && chosen.total !== null ? rows.filter((r) => r.fits && r.total === chosen.total).map((r) => r.node) : [];

  return (
    <section className="explain" data-testid="explanation" aria-label={t('inspector.scheduling')}>
      <h3 className="explain-title">{t('inspector.scheduling')}</h3>

      {failedMessage && (
        <div className="callout bad" data-testid="failed-scheduling" role="status">
          <div className="callout-head">
            <span className="tag bad">Warning FailedScheduling</span>
            <span>{t('inspector.pendingTitle')}</span>
          </div>
          <p className="callout-msg">{failedMessage}</p>
        </div>
      )}

      {nominated && (
        <div className="callout warn" data-testid="preemption">
          <div className="callout-head">
            <span className="tag warn">{t('inspector.preemption')}</span>
            <span>
              <Trans i18nKey="inspector.nominated" values={{ node: nominated }} components={{ b: <strong className="mono" /> }} />
            </span>
          </div>
          {victims.length > 0 ? (
            <>
              <div className="small">{t('inspector.victims', { count: victims.length })}</div>
              <ul className="victims mono small" data-testid="victims">
                {victims.map((v) => (
                  <li key={v}>{v}</li>
                ))}
              </ul>
            </>
          ) : (
            <div className="small muted">{nodeName ? t('inspector.nominatedDone', { node: nodeName }) : t('inspector.nominatedWaiting')}</div>
          )}
        </div>
      )}

      {record === undefined ? (
        <p className="muted small">{t('inspector.loadingExplanation')}</p>
      ) : record === null ? (
        <p className="muted small">{nodeName ? t('inspector.noRecordBound') : t('inspector.noExplanation')}</p>
      ) : (
        <>
          <p className="explain-verdict" data-testid="explain-verdict">
            {chosen ? (
              <>
                <Trans i18nKey="inspector.placedOn" values={{ node: chosen.node }} components={{ b: <strong className="mono chosen-name" /> }} />{' '}
                <span className="muted">
                  {t('inspector.feasibleCount', { feasible, total: rows.length })}
                  {' · '}
                  {chosen.total === null ? t('inspector.onlyFeasible') : t('inspector.highest', { score: fmtScore(chosen.total) })}
                </span>
              </>
            ) : (
              <span>{t('inspector.noneFeasible', { total: rows.length })}</span>
            )}
          </p>
          {tied.length > 1 && (
            <p className="explain-tie small" data-testid="explain-tie">
              {t('inspector.tie', { count: tied.length, nodes: tied.join(', '), score: fmtScore(chosen!.total!) })}
            </p>
          )}
          {chosen && <p className="explain-hint muted small">{t('inspector.explainHint')}</p>}
          <table className="grid small explain-table" data-testid="explain-table">
            <thead>
              <tr>
                <th>{t('inspector.colNode')}</th>
                <th>{t('inspector.colResult')}</th>
                <th className="num">{t('inspector.score')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const open = isOpen(r);
                const verdict = r.chosen ? 'chosen' : r.fits ? 'feasible' : 'rejected';
                return (
                  <Fragment key={r.node}>
                    <tr
                      className={`explain-row ${verdict}${open ? ' open' : ''}`}
                      data-testid="explain-row"
                      data-node={r.node}
                      data-verdict={verdict}
                      onClick={() => setToggled((s) => ({ ...s, [r.node]: !open }))}
                    >
                      <td className="node-cell">
                        <button className="disclosure" aria-expanded={open} aria-label={t('inspector.details', { node: r.node })} onClick={(e) => {
                          e.stopPropagation();
                          setToggled((s) => ({ ...s, [r.node]: !open }));
                        }}>
                          {open ? '▾' : '▸'}
                        </button>
                        <span className="mono">{r.node}</span>
                      </td>
                      <td>
                        {r.chosen ? (
                          <span className="badge chosen-badge">★ {t('inspector.chosen')}</span>
                        ) : r.fits ? (
                          <span className="passed">✓ {t('inspector.passed')}</span>
                        ) : (
                          <span className="rejection" data-testid="rejection">
                            <span className="plugin-tag" title={t('inspector.rejectedBy')}>✕ {camel(r.plugin)}</span>
                            <span className="reason">{r.reason}</span>
                          </span>
                        )}
                      </td>
                      <td className="num">
                        {r.total === null ? (r.fits ? '—' : '') : fmtScore(r.total)}
                        {r.total !== null && <span className="score-bar" style={{ width: `${Math.round((r.total / max) * 100)}%` }} />}
                      </td>
                    </tr>
                    {open && (
                      <tr className={`explain-detail ${verdict}`} data-testid="explain-detail" data-node={r.node}>
                        <td colSpan={3}>
                          <NodeDetail r={r} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
          <p className="muted small attempt">{t('inspector.attempt', { ago: humanDuration(Math.max(0, now - record.time)) })}</p>
        </>
      )}
    </section>
  );
}

/** One node opened: the filters it went through, then its score plugins. */
function NodeDetail({ r }: { r: ExplainRow }) {
  const { t } = useTranslation();
  const n = r.record;
  return (
    <div className="detail">
      <div className="filter-chain" aria-label={t('inspector.filters')}>
        <span className="detail-label">{t('inspector.filters')}</span>
        {n.filters.map((f) => (
          <span key={f.plugin} className={`filter-pill ${f.code === 'Success' ? 'ok' : 'bad'}`} title={f.reasons.join(', ') || f.code}>
            {f.code === 'Success' ? '✓' : '✕'} {camel(f.plugin)}
          </span>
        ))}
        {!r.fits && <span className="muted small">{t('inspector.stopped')}</span>}
      </div>
      {r.fits &&
        (n.scores.length === 0 ? (
          <p className="muted small no-scores">{t('inspector.onlyFeasibleLong')}</p>
        ) : (
          <table className="scores" data-testid="score-table">
            <thead>
              <tr>
                <th>{t('inspector.scorePlugin')}</th>
                <th className="num" title={t('inspector.rawHint')}>{t('inspector.raw')}</th>
                <th className="num" title={t('inspector.normalizedHint')}>{t('inspector.normalized')}</th>
                <th className="num" title={t('inspector.weightedHint')}>{t('inspector.weighted')}</th>
              </tr>
            </thead>
            <tbody>
              {n.scores.map((s) => (
                <tr key={s.plugin}>
                  <td>{camel(s.plugin)}</td>
                  <td className="num">{fmtScore(s.raw)}</td>
                  <td className="num">{fmtScore(s.normalized)}</td>
                  <td className="num strong" title={s.normalized ? `${fmtScore(s.normalized)} × ${fmtScore(s.weighted / s.normalized)}` : undefined}>
                    {fmtScore(s.weighted)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={3}>{t('inspector.total')}</td>
                <td className="num strong" data-testid="score-total">{r.total === null ? '' : fmtScore(r.total)}</td>
              </tr>
            </tfoot>
          </table>
        ))}
    </div>
  );
}
