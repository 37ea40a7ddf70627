/** The xterm.js terminal running the Kubesim shell (loaded lazily with xterm). */
import { useEffect, useRef } from 'react';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { useTranslation } from 'react-i18next';
import { onStream, request, send } from '../state/simClient';
import { useMirror } from '../state/store';
import type { KubectlReply } from '../../worker/protocol';
import { editorText, openInEditor } from './bridge';
import { Shell } from './shell';

declare global {
  interface Window {
    /** Test hook: the terminal's text (from xterm's buffer) and a way to paste into it. */
    __terminal?: { text(): string; input(data: string): void; busy(): boolean };
  }
}

/** Object names of a kind in the UI's mirror, optionally in one namespace. */
function mirroredNames(kind: string, namespace: string | undefined): string[] {
  const objects = useMirror.getState().objects[kind] ?? {};
  return Object.values(objects)
    .filter((o) => namespace === undefined || (o.metadata.namespace ?? '') === namespace)
    .map((o) => o.metadata.name)
    .sort();
}

/** Every line of the terminal's buffer, wrapped rows joined. */
function bufferText(term: Terminal): string {
  const buf = term.buffer.active;
  const lines: string[] = [];
  for (let i = 0; i < buf.length; i++) {
    const line = buf.getLine(i);
    if (!line) continue;
    const text = line.translateToString(true);
    if (line.isWrapped && lines.length) lines[lines.length - 1] += text;
    else lines.push(text);
  }
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

export default function TerminalView({ visible }: { visible: boolean }) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const fitRef = useRef<FitAddon | null>(null);
  const termRef = useRef<Terminal | null>(null);
  const greeting = t('terminal.greeting');
  const greetingRef = useRef(greeting);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const term = new Terminal({
      fontFamily: '"JetBrains Mono", "DejaVu Sans Mono", ui-monospace, Menlo, Consolas, monospace',
      fontSize: 12.5,
      lineHeight: 1.15,
      cursorBlink: true,
      convertEol: true,
      scrollback: 5000,
      allowProposedApi: false,
      theme: {
        background: '#16202e',
        foreground: '#d7dee9',
        cursor: '#9cc0ff',
        selectionBackground: '#35507a',
        red: '#ff8f8f',
        brightRed: '#ffaaaa',
        blue: '#7fa7f5',
        brightBlue: '#9cc0ff',
        green: '#8fd19e',
        yellow: '#f0c674',
        brightBlack: '#8793a6',
      },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    fitRef.current = fit;
    termRef.current = term;
    try {
      fit.fit();
    } catch {
      // not laid out yet
    }

    const shell = new Shell({
      write: (data) => term.write(data),
      cols: () => term.cols,
      kubectl: (argv, stdin, files) => request<KubectlReply>({ type: 'kubectl', argv, stdin, files }),
      follow: onStream,
      cancel: (stream) => send({ type: 'kubectl.cancel', stream }),
      editorText,
      openInEditor,
      names: mirroredNames,
      clear: () => {
        term.write('\x1b[H\x1b[2J');
        term.clear();
      },
    });

    // Copy: Ctrl+C (or Ctrl+Shift+C) with a selection copies it; paste goes through the browser's paste event.
    term.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown') return true;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'c' && (e.shiftKey || term.hasSelection())) {
        const text = term.getSelection();
        if (text) void navigator.clipboard?.writeText(text).catch(() => undefined);
        term.clearSelection();
        e.preventDefault();
        return false;
      }
      if (mod && key === 'v') return false; // let the browser fire `paste`; xterm reads it
      return true;
    });

    const data = term.onData((d) => shell.input(d));
    shell.start(greetingRef.current);
    window.__terminal = { text: () => bufferText(term), input: (d) => shell.input(d), busy: () => shell.isBusy };

    const resize = new ResizeObserver(() => {
      if (!el.offsetWidth || !el.offsetHeight) return;
      try {
        fit.fit();
      } catch {
        // ignore: hidden
      }
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      data.dispose();
      term.dispose();
      termRef.current = null;
      fitRef.current = null;
      if (window.__terminal) delete window.__terminal;
    };
  }, []);

  useEffect(() => {
    if (!visible) return;
    const id = requestAnimationFrame(() => {
      try {
        fitRef.current?.fit();
      } catch {
        // ignore
      }
      termRef.current?.focus();
    });
    return () => cancelAnimationFrame(id);
  }, [visible]);

  return <div className="xterm-host" ref={host} data-testid="terminal" aria-label={t('terminal.title')} />;
}
