/** Left column: the manifest editor, the Apply button and what kubectl printed. */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplyResult } from '../../worker/protocol';
import { request } from '../state/simClient';
import { registerEditor } from '../terminal/bridge';
import { SAMPLE_DEPLOYMENT } from './sample';

const YamlEditor = lazy(() => import('./YamlEditor'));

const NO_MARKERS: ApplyResult['markers'] = [];

export function EditorPanel() {
  const { t } = useTranslation();
  const text = useRef(SAMPLE_DEPLOYMENT);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ApplyResult | null>(null);
  const [markers, setMarkers] = useState<ApplyResult['markers']>(NO_MARKERS);
  /** Text the terminal asked to show (`kubectl edit`); `n` changes on every request. */
  const [replacement, setReplacement] = useState<{ text: string; n: number } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  useEffect(() => {
    registerEditor({
      text: () => text.current,
      open: (yaml) => {
        text.current = yaml;
        setReplacement((r) => ({ text: yaml, n: (r?.n ?? 0) + 1 }));
        setMarkers(NO_MARKERS);
        const kind = /^kind:\s*(\S+)/m.exec(yaml)?.[1];
        const name = /^metadata:\n(?:[ \t]+.*\n)*?[ \t]+name:\s*(\S+)/m.exec(yaml)?.[1];
        setEditing(kind && name ? `${kind.toLowerCase()}/${name}` : null);
      },
    });
    return () => registerEditor(null);
  }, []);

  const onChange = useCallback((v: string) => {
    text.current = v;
    setMarkers((m) => (m.length ? NO_MARKERS : m));
  }, []);

  const apply = useCallback(async () => {
    setBusy(true);
    try {
      const r = await request<ApplyResult>({ type: 'apply', yaml: text.current });
      setResult(r);
      setMarkers(r.markers.length ? r.markers : NO_MARKERS);
    } catch (err) {
      setResult({ lines: [{ text: `error: ${err instanceof Error ? err.message : String(err)}`, error: true }], markers: [] });
    } finally {
      setBusy(false);
    }
  }, []);

  return (
    <section className="panel editor-panel" aria-label={t('editor.title')}>
      <header className="panel-head">
        <h2>{t('editor.title')}</h2>
        <span className="muted small" data-testid="editor-subtitle">{editing ? t('editor.editing', { name: editing }) : t('editor.sample')}</span>
      </header>
      <div className="editor-host">
        <Suspense fallback={<div className="editor-loading">{t('editor.loading')}</div>}>
          <YamlEditor defaultValue={text.current} replacement={replacement} onChange={onChange} markers={markers} onApply={apply} />
        </Suspense>
      </div>
      <div className="apply-bar">
        <button className="btn primary" data-testid="apply" onClick={apply} disabled={busy}>
          {busy ? t('editor.applying') : t('editor.apply')}
        </button>
        <kbd className="muted small">Ctrl+Enter</kbd>
      </div>
      <div className="terminal" data-testid="apply-output" aria-live="polite">
        <div className="prompt">$ {t('editor.output')}</div>
        {result ? (
          result.lines.map((l, i) => (
            <div key={i} className={l.error ? 'line error' : 'line'} data-testid={l.error ? 'apply-error' : 'apply-line'}>
              {l.text}
            </div>
          ))
        ) : (
          <div className="line muted">{t('editor.noOutput')}</div>
        )}
      </div>
    </section>
  );
}
