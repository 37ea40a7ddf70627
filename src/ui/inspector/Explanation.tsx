/**
 * Why the scheduler put this pod where it did (or could not): the latest scheduling
 * attempt as the scheduler recorded it, asked for on demand. The record's shape belongs to
 * the scheduler; per-node rows are shown as a table and anything else as YAML.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stringify } from 'yaml';
import type { PlainObject } from '../../worker/protocol';
import { request } from '../state/simClient';

type Rec = Record<string, unknown>;

interface NodeRow {
  node: string;
  verdict: string;
  ok: boolean;
  score: string;
}

function isRec(v: unknown): v is Rec {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function verdictOf(entry: Rec): { ok: boolean; text: string } {
  for (const key of ['filter', 'filters', 'verdict', 'status', 'reasons', 'reason', 'passed', 'feasible', 'fits']) {
    const v = entry[key];
    if (v === undefined) continue;
    if (typeof v === 'boolean') return { ok: v, text: '' };
    if (typeof v === 'string') return { ok: v === '' || /^(success|ok|passed|fits?)$/i.test(v), text: v };
    if (Array.isArray(v)) {
      const failures = v.map((x) => (isRec(x) ? String(x.reason ?? x.message ?? (x.plugin ? `${x.plugin}: ${x.code ?? ''}` : '')) : String(x))).filter(Boolean);
      return { ok: failures.length === 0, text: failures.join('; ') };
    }
    if (isRec(v)) {
      const failures = Object.entries(v)
        .filter(([, s]) => !(s === true || s === 'Success' || (isRec(s) && (s.code === 'Success' || s.ok === true || s.passed === true))))
        .map(([plugin, s]) => `${plugin}: ${isRec(s) ? String(s.reason ?? s.reasons ?? s.message ?? s.code ?? '') : String(s)}`);
      return { ok: failures.length === 0, text: failures.join('; ') };
    }
  }
  return { ok: true, text: '' };
}

/** Finds a per-node list in the record and turns it into rows; null if the record has none. */
export function nodeRows(record: unknown): NodeRow[] | null {
  if (!isRec(record)) return null;
  for (const v of Object.values(record)) {
    let entries: [string, Rec][] | null = null;
    if (Array.isArray(v) && v.length && v.every((x) => isRec(x) && typeof (x.node ?? x.nodeName ?? x.name) === 'string')) {
      entries = (v as Rec[]).map((x) => [String(x.node ?? x.nodeName ?? x.name), x]);
    } else if (isRec(v) && Object.keys(v).length && Object.values(v).every(isRec) && Object.keys(v).some((k) => k.startsWith('node') || k.includes('-'))) {
      entries = Object.entries(v as Record<string, Rec>);
    }
    if (!entries) continue;
    return entries.map(([node, e]) => {
      const verdict = verdictOf(e);
      const score = e.score ?? e.totalScore ?? e.finalScore;
      return { node, ok: verdict.ok, verdict: verdict.text, score: typeof score === 'number' ? String(Math.round(score * 100) / 100) : '' };
    });
  }
  return null;
}

export function Explanation({ pod }: { pod: PlainObject }) {
  const { t } = useTranslation();
  const [record, setRecord] = useState<unknown>(undefined);
  const uid = String(pod.metadata.uid ?? '');
  const nodeName: string = pod.spec?.nodeName ?? '';
  const scheduled = ((pod.status?.conditions ?? []) as { type: string; status: string; message?: string }[]).find((c) => c.type === 'PodScheduled');
  const key = `${uid}|${nodeName}|${scheduled?.status ?? ''}|${scheduled?.message ?? ''}`;

  useEffect(() => {
    let live = true;
    request({ type: 'explain', podUid: uid })
      .then((r) => live && setRecord(r ?? null))
      .catch(() => live && setRecord(null));
    return () => {
      live = false;
    };
  }, [key]);

  const rows = nodeRows(record);
  return (
    <details className="explain" open data-testid="explanation">
      <summary>{t('inspector.scheduling')}</summary>
      {record === undefined ? null : record === null ? (
        <p className="muted small">{scheduled?.message ? scheduled.message : t('inspector.noExplanation')}</p>
      ) : rows ? (
        <table className="grid small">
          <thead>
            <tr>
              <th>NODE</th>
              <th>{t('inspector.filter')}</th>
              <th>{t('inspector.score')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.node} className={r.node === nodeName ? 'chosen' : r.ok ? undefined : 'warn'}>
                <td className="nowrap">
                  {r.node} {r.node === nodeName && <span className="badge ok">{t('inspector.chosen')}</span>}
                </td>
                <td>{r.ok ? `✓ ${t('inspector.passed')}` : `✗ ${r.verdict}`}</td>
                <td>{r.score}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <pre className="yaml-view small">{stringify(record, { lineWidth: 0 })}</pre>
      )}
    </details>
  );
}
