/**
 * Why the scheduler put this pod where it did (or could not): its latest scheduling
 * attempt, asked for on demand, as one row per node: the first filter that rejected
 * the node, or its score when it fit.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeRecord, SchedulingRecord } from '../../sim/scheduler/explain';
import type { PlainObject } from '../../worker/protocol';
import { request } from '../state/simClient';

export interface ExplainRow {
  node: string;
  fits: boolean;
  chosen: boolean;
  /** `Plugin: reason, reason` of the filter that rejected the node. */
  rejection: string;
  total: number | null;
  /** Per-plugin weighted scores, for the tooltip. */
  breakdown: string;
}

function row(n: NodeRecord, selected: string | undefined): ExplainRow {
  const failed = n.filters.find((f) => f.code !== 'Success');
  return {
    node: n.node,
    fits: !failed,
    chosen: n.node === selected,
    rejection: failed ? `${failed.plugin}: ${failed.reasons.join(', ') || failed.code}` : '',
    total: typeof n.total === 'number' ? n.total : null,
    breakdown: n.scores.map((s) => `${s.plugin}: ${Math.round(s.weighted)}`).join('\n'),
  };
}

/** Rows in reading order: the chosen node, then the other feasible ones by score, then the rejected. */
export function explainRows(record: SchedulingRecord): ExplainRow[] {
  const rank = (r: ExplainRow) => (r.chosen ? 0 : r.fits ? 1 : 2);
  return record.nodes
    .map((n) => row(n, record.selected))
    .sort((a, b) => rank(a) - rank(b) || (b.total ?? 0) - (a.total ?? 0) || (a.node < b.node ? -1 : 1));
}

export function Explanation({ pod }: { pod: PlainObject }) {
  const { t } = useTranslation();
  const [record, setRecord] = useState<SchedulingRecord | null | undefined>(undefined);
  const uid = String(pod.metadata.uid ?? '');
  const nodeName: string = pod.spec?.nodeName ?? '';
  const scheduled = ((pod.status?.conditions ?? []) as { type: string; status: string; message?: string }[]).find((c) => c.type === 'PodScheduled');
  const key = `${uid}|${nodeName}|${scheduled?.status ?? ''}|${scheduled?.message ?? ''}`;

  useEffect(() => {
    let live = true;
    request<SchedulingRecord | null>({ type: 'explain', podUid: key.split('|')[0] })
      .then((r) => live && setRecord(r ?? null))
      .catch(() => live && setRecord(null));
    return () => {
      live = false;
    };
  }, [key]);

  const rows = record ? explainRows(record) : [];
  const max = Math.max(1, ...rows.map((r) => r.total ?? 0));
  return (
    <details className="explain" open data-testid="explanation">
      <summary>{t('inspector.scheduling')}</summary>
      {record === undefined ? null : record === null ? (
        <p className="muted small">{scheduled?.message || t('inspector.noExplanation')}</p>
      ) : (
        <>
          {record.message && <p className="explain-msg bad">{record.message}</p>}
          <table className="grid small explain-table">
            <thead>
              <tr>
                <th>NODE</th>
                <th>{t('inspector.filter')}</th>
                <th className="num">{t('inspector.score')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.node} className={r.chosen ? 'chosen' : r.fits ? undefined : 'rejected'}>
                  <td className="nowrap">{r.node}</td>
                  <td>{r.chosen ? <span className="badge ok">{t('inspector.chosen')}</span> : r.fits ? `✓ ${t('inspector.passed')}` : r.rejection}</td>
                  <td className="num" title={r.breakdown}>
                    {r.total === null ? '' : Math.round(r.total)}
                    {r.total !== null && <span className="score-bar" style={{ width: `${Math.round((r.total / max) * 100)}%` }} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </details>
  );
}
