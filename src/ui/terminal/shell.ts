/**
 * The terminal's shell, independent of xterm: it turns keystrokes (xterm `onData` strings)
 * into an edited line with history, runs the line (kubectl/k, heredocs, pipes into a few
 * text tools, help, clear) and writes plain text back through `write`. Everything it writes
 * is text: object names and kubectl output have their control characters removed.
 */
import { parseCommandLine } from '../../sim/kubectl/shellwords';
import type { KubectlReply, StreamMessage } from '../../worker/protocol';
import { complete } from './complete';

/** What the shell needs from the rest of the app. */
export interface ShellHost {
  /** Writes to the terminal (`\n` is turned into a new line by the terminal). */
  write(data: string): void;
  /** The terminal's width in columns. */
  cols(): number;
  /** Runs kubectl in the simulation. */
  kubectl(argv: string[], stdin: string | undefined, files: Record<string, string>): Promise<KubectlReply>;
  /** Follows a streaming command; returns a function that stops following. */
  follow(stream: number, listener: (msg: StreamMessage) => void): () => void;
  /** Ctrl+C on a streaming command. */
  cancel(stream: number): void;
  /** The editor's current text (`manifest.yaml`). */
  editorText(): string;
  /** `kubectl edit`: shows this YAML in the editor. */
  openInEditor(yaml: string): void;
  /** Object names of a kind in the mirrored store (for tab completion). */
  names(kind: string, namespace: string | undefined): string[];
  /** Clears the screen and the scrollback. */
  clear(): void;
}

export const PROMPT = '$ ';
const CONTINUATION = '> ';
const RED = '\x1b[31m';
const DIM = '\x1b[2m';
const BOLD_BLUE = '\x1b[1;34m';
const RESET = '\x1b[0m';
const MAX_HISTORY = 200;

/** Removes terminal control characters (keeps tabs and newlines): output is text only. */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}

/** A heredoc on a command line: `cat <<EOF | kubectl apply -f -`, `<<'EOF'`, `<<-EOF`. */
export function findHeredoc(line: string): { command: string; delimiter: string; stripTabs: boolean } | undefined {
  const m = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(line);
  if (!m) return undefined;
  return { command: (line.slice(0, m.index) + line.slice(m.index + m[0].length)).trim(), delimiter: m[3], stripTabs: m[1] === '-' };
}

const HELP = `Kubesim shell: kubectl runs against the simulated cluster.

  kubectl <command> ...   also as k (e.g. k get pods)
  kubectl apply -f manifest.yaml   applies the editor's text
  cat <<EOF | kubectl apply -f -   then the YAML, then EOF on its own line
  kubectl edit <type>/<name>       opens the object in the editor
  kubectl get pods -w              watches until Ctrl+C
  ... | grep TEXT, head, tail, wc -l
  clear (Ctrl+L), history, help

Keys: Tab completes, Up/Down history, Ctrl+C cancels, Ctrl+A/E start/end, Ctrl+U clears the line.
`;

type Stage = { stdout: string; stderr: string; exitCode: number; stream?: number; edit?: string };

export class Shell {
  private line = '';
  private cursor = 0;
  private history: string[] = [];
  private historyIndex = 0;
  private draft = '';
  private prompt = PROMPT;
  /** Cursor position (in cells from the prompt's start) where the last redraw left it. */
  private drawnCursor = 0;
  /** Set while a heredoc body is being typed. */
  private heredoc: { command: string; delimiter: string; stripTabs: boolean; lines: string[]; raw: string } | undefined;
  /** Input that arrived while a command ran (typed ahead or pasted). */
  private queue = '';
  private busy = false;
  private running: { stream?: number; stop?: () => void; finish?: () => void } | undefined;
  private lastTab = '';

  constructor(private host: ShellHost) {}

  /** Prints the greeting and the first prompt. */
  start(greeting?: string): void {
    if (greeting) this.host.write(`${DIM}${greeting}${RESET}\n`);
    this.showPrompt();
  }

  /** Whether a command is running. */
  get isBusy(): boolean {
    return this.busy;
  }

  /** The line being edited (for tests). */
  get currentLine(): string {
    return this.line;
  }

  /** Feeds keystrokes or pasted text. */
  input(data: string): void {
    if (this.busy) {
      if (data.includes('\x03')) {
        this.interrupt();
        return;
      }
      this.queue += data;
      return;
    }
    let i = 0;
    while (i < data.length) {
      if (this.busy) {
        this.queue += data.slice(i);
        return;
      }
      const ch = data[i];
      if (ch === '\x1b') {
        // eslint-disable-next-line no-control-regex
        const m = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z])/.exec(data.slice(i));
        if (m) {
          this.escape(m[1]);
          i += m[0].length;
        } else i += 1;
        continue;
      }
      i += 1;
      if (ch !== '\t') this.lastTab = '';
      switch (ch) {
        case '\r':
          if (data[i] === '\n') i += 1;
          this.enter();
          break;
        case '\n':
          this.enter();
          break;
        case '\x7f':
        case '\b':
          if (this.cursor > 0) {
            this.line = this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor);
            this.cursor -= 1;
            this.redraw();
          }
          break;
        case '\x03':
          this.interrupt();
          break;
        case '\x0c':
          this.host.clear();
          this.drawnCursor = 0;
          this.host.write(this.prompt);
          this.redraw(true);
          break;
        case '\x01':
          this.moveTo(0);
          break;
        case '\x05':
          this.moveTo(this.line.length);
          break;
        case '\x02':
          this.moveTo(this.cursor - 1);
          break;
        case '\x06':
          this.moveTo(this.cursor + 1);
          break;
        case '\x15':
          this.line = this.line.slice(this.cursor);
          this.cursor = 0;
          this.redraw();
          break;
        case '\x0b':
          this.line = this.line.slice(0, this.cursor);
          this.redraw();
          break;
        case '\x17': {
          const before = this.line.slice(0, this.cursor).replace(/\S+\s*$/, '');
          this.line = before + this.line.slice(this.cursor);
          this.cursor = before.length;
          this.redraw();
          break;
        }
        case '\t':
          this.tab();
          break;
        default:
          if (ch >= ' ') this.insert(ch);
      }
    }
  }

  private escape(seq: string): void {
    switch (seq) {
      case '[D':
      case 'OD':
        return this.moveTo(this.cursor - 1);
      case '[C':
      case 'OC':
        return this.moveTo(this.cursor + 1);
      case '[A':
      case 'OA':
        return this.recall(-1);
      case '[B':
      case 'OB':
        return this.recall(1);
      case '[H':
      case 'OH':
      case '[1~':
        return this.moveTo(0);
      case '[F':
      case 'OF':
      case '[4~':
        return this.moveTo(this.line.length);
      case '[3~':
        if (this.cursor < this.line.length) {
          this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1);
          this.redraw();
        }
        return;
      case '[1;5D':
        return this.moveTo(this.line.slice(0, this.cursor).replace(/\S+\s*$/, '').length);
      case '[1;5C': {
        const m = /^\s*\S+/.exec(this.line.slice(this.cursor));
        return this.moveTo(this.cursor + (m ? m[0].length : this.line.length - this.cursor));
      }
    }
  }

  private insert(text: string): void {
    this.line = this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor);
    this.cursor += text.length;
    if (this.cursor === this.line.length && !this.wraps()) {
      this.host.write(text);
      this.drawnCursor += text.length;
      this.fixPendingWrap();
    } else this.redraw();
  }

  /** Whether the line (with its prompt) reaches the terminal's right edge. */
  private wraps(): boolean {
    return this.prompt.length + this.line.length >= this.host.cols();
  }

  private fixPendingWrap(): void {
    const pos = this.prompt.length + this.drawnCursor;
    if (pos > 0 && pos % this.host.cols() === 0) this.host.write(' \b');
  }

  private moveTo(pos: number): void {
    const p = Math.max(0, Math.min(this.line.length, pos));
    if (p === this.cursor) return;
    this.cursor = p;
    this.redraw();
  }

  /** Redraws prompt and line from the prompt's first row and puts the cursor in place. */
  private redraw(fromPromptEnd = false): void {
    const cols = Math.max(1, this.host.cols());
    const p = this.prompt.length;
    let out = '';
    if (!fromPromptEnd) {
      const row = Math.floor((p + this.drawnCursor) / cols);
      if (row > 0) out += `\x1b[${row}A`;
      out += `\r${this.styledPrompt()}`;
    }
    out += plain(this.line) + '\x1b[J';
    const end = p + this.line.length;
    if (end > 0 && end % cols === 0) out += ' \b';
    const endRow = Math.floor(end / cols);
    const target = p + this.cursor;
    const row = Math.floor(target / cols);
    if (endRow > row) out += `\x1b[${endRow - row}A`;
    out += `\x1b[${(target % cols) + 1}G`;
    this.drawnCursor = this.cursor;
    this.host.write(out);
  }

  private styledPrompt(): string {
    return this.prompt === PROMPT ? `${BOLD_BLUE}$${RESET} ` : `${DIM}>${RESET} `;
  }

  private showPrompt(): void {
    this.prompt = this.heredoc ? CONTINUATION : PROMPT;
    this.line = '';
    this.cursor = 0;
    this.drawnCursor = 0;
    this.host.write(this.styledPrompt());
  }

  private recall(direction: number): void {
    if (this.heredoc || !this.history.length) return;
    if (this.historyIndex === this.history.length) this.draft = this.line;
    const next = Math.max(0, Math.min(this.history.length, this.historyIndex + direction));
    if (next === this.historyIndex) return;
    this.historyIndex = next;
    this.line = next === this.history.length ? this.draft : this.history[next];
    this.cursor = this.line.length;
    this.redraw();
  }

  private interrupt(): void {
    if (this.running) {
      this.host.write('^C\n');
      const r = this.running;
      if (r.stream !== undefined) this.host.cancel(r.stream);
      r.stop?.();
      this.queue = '';
      r.finish?.();
      return;
    }
    this.moveTo(this.line.length);
    this.host.write('^C\n');
    this.heredoc = undefined;
    this.queue = '';
    this.showPrompt();
  }

  private tab(): void {
    if (this.heredoc) return this.insert('  ');
    const before = this.line.slice(0, this.cursor);
    const result = complete(before, (kind, ns) => this.host.names(kind, ns));
    if (!result.candidates.length) return;
    const word = result.word;
    if (result.candidates.length === 1) {
      const c = result.candidates[0];
      const suffix = c.slice(word.length) + (c.endsWith('/') || c.endsWith('=') ? '' : ' ');
      if (suffix) this.insert(suffix);
      return;
    }
    const prefix = commonPrefix(result.candidates);
    if (prefix.length > word.length) {
      this.insert(prefix.slice(word.length));
      this.lastTab = '';
      return;
    }
    // Nothing more to insert: list the candidates (as bash does on the second Tab).
    if (this.lastTab !== before) {
      this.lastTab = before;
      return;
    }
    this.moveTo(this.line.length);
    this.host.write(`\n${columns(result.candidates, this.host.cols())}`);
    const keep = { line: this.line, cursor: this.cursor };
    this.showPrompt();
    this.line = keep.line;
    this.cursor = keep.cursor;
    this.redraw(true);
  }

  private enter(): void {
    this.moveTo(this.line.length);
    this.host.write('\n');
    const line = this.line;
    if (this.heredoc) {
      const h = this.heredoc;
      const text = h.stripTabs ? line.replace(/^\t+/, '') : line;
      h.raw += `\n${line}`;
      if (text === h.delimiter) {
        this.heredoc = undefined;
        this.remember(h.raw);
        void this.execute(h.command, h.lines.length ? `${h.lines.join('\n')}\n` : '');
        return;
      }
      h.lines.push(text);
      this.showPrompt();
      return;
    }
    if (!line.trim()) return this.showPrompt();
    const doc = findHeredoc(line);
    if (doc) {
      this.heredoc = { ...doc, lines: [], raw: line };
      this.showPrompt();
      return;
    }
    this.remember(line);
    void this.execute(line, undefined);
  }

  private remember(line: string): void {
    // A heredoc is remembered by its first line; recalling it starts the heredoc again.
    const entry = line.split('\n')[0];
    if (this.history[this.history.length - 1] !== entry) this.history.push(entry);
    if (this.history.length > MAX_HISTORY) this.history.shift();
    this.historyIndex = this.history.length;
    this.draft = '';
  }

  /** Runs one command line (with heredoc text as the first command's stdin). */
  private async execute(line: string, stdin: string | undefined): Promise<void> {
    this.busy = true;
    try {
      let pipeline: string[][];
      try {
        pipeline = parseCommandLine(line).pipeline;
      } catch (err) {
        this.error(`bash: ${err instanceof Error ? err.message : String(err)}\n`);
        return;
      }
      let input = stdin;
      for (let i = 0; i < pipeline.length; i++) {
        const words = pipeline[i];
        const last = i === pipeline.length - 1;
        if (!words.length) {
          this.error("bash: syntax error near unexpected token `|'\n");
          return;
        }
        const stage = await this.stage(words, input);
        if (stage.stderr) this.error(stage.stderr);
        if (stage.edit !== undefined) this.host.openInEditor(stage.edit);
        if (!last) {
          if (stage.stream !== undefined) this.host.cancel(stage.stream);
          input = stage.stdout;
          continue;
        }
        if (stage.stdout) this.host.write(plain(stage.stdout));
        if (stage.stream !== undefined) await this.follow(stage.stream);
      }
    } catch (err) {
      this.error(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    } finally {
      this.busy = false;
      this.running = undefined;
      this.showPrompt();
      const queued = this.queue;
      this.queue = '';
      if (queued) this.input(queued);
    }
  }

  private follow(stream: number): Promise<void> {
    return new Promise((resolve) => {
      const running: NonNullable<Shell['running']> = { stream };
      running.finish = () => resolve();
      running.stop = this.host.follow(stream, (msg) => {
        if (msg.stdout) this.host.write(plain(msg.stdout));
        if (msg.stderr) this.error(msg.stderr);
        if (msg.done) {
          running.stop?.();
          resolve();
        }
      });
      this.running = running;
    });
  }

  private error(text: string): void {
    this.host.write(`${RED}${plain(text)}${RESET}`);
  }

  /** One command of a pipeline. */
  private async stage(words: string[], stdin: string | undefined): Promise<Stage> {
    const [cmd, ...args] = words;
    const ok = (stdout: string): Stage => ({ stdout, stderr: '', exitCode: 0 });
    switch (cmd) {
      case 'kubectl':
      case 'k': {
        const running: NonNullable<Shell['running']> = {};
        this.running = running;
        const reply = await new Promise<KubectlReply | undefined>((resolve, reject) => {
          running.finish = () => resolve(undefined);
          this.host.kubectl(args, stdin, { 'manifest.yaml': this.host.editorText() }).then(resolve, reject);
        });
        if (this.running === running) this.running = undefined;
        if (!reply) return { stdout: '', stderr: '', exitCode: 130 };
        const out: Stage = { ...reply };
        if (reply.edit !== undefined) {
          const target = args.slice(1).filter((a) => !a.startsWith('-')).join(' ');
          out.stdout += `Opened ${target || 'the object'} in the editor: change it and press Apply (Ctrl+Enter).\n`;
        }
        return out;
      }
      case 'help':
        return ok(HELP);
      case 'clear':
        this.host.clear();
        return ok('');
      case 'history':
        return ok(this.history.map((h, i) => `${String(i + 1).padStart(5)}  ${h.split('\n')[0]}`).join('\n') + '\n');
      case 'echo':
        return ok(`${args.join(' ')}\n`);
      case 'cat':
        if (!args.length || args[0] === '-') return ok(stdin ?? '');
        if (args[0] === 'manifest.yaml') return ok(this.host.editorText().replace(/\n?$/, '\n'));
        return { stdout: '', stderr: `cat: ${args[0]}: No such file or directory\n`, exitCode: 1 };
      case 'ls':
        return ok('manifest.yaml\n');
      case 'grep':
        return grep(args, stdin ?? '');
      case 'head':
      case 'tail': {
        const n = countFlag(args);
        const lines = (stdin ?? '').split('\n');
        if (lines[lines.length - 1] === '') lines.pop();
        const picked = cmd === 'head' ? lines.slice(0, n) : lines.slice(Math.max(0, lines.length - n));
        return ok(picked.length ? `${picked.join('\n')}\n` : '');
      }
      case 'wc': {
        const text = stdin ?? '';
        const lines = (text.match(/\n/g) ?? []).length;
        if (args.includes('-l')) return ok(`${lines}\n`);
        return ok(`${String(lines).padStart(7)} ${String(text.split(/\s+/).filter(Boolean).length).padStart(7)} ${String(text.length).padStart(7)}\n`);
      }
      default:
        return { stdout: '', stderr: `${cmd}: command not found\n`, exitCode: 127 };
    }
  }
}

function countFlag(args: string[]): number {
  for (let i = 0; i < args.length; i++) {
    const m = /^-n?(\d+)$/.exec(args[i]);
    if (m) return Number(m[1]);
    if (args[i] === '-n' && /^\d+$/.test(args[i + 1] ?? '')) return Number(args[i + 1]);
  }
  return 10;
}

function grep(args: string[], text: string): Stage {
  let invert = false;
  let ignoreCase = false;
  let pattern: string | undefined;
  for (const a of args) {
    if (/^-[vi]+$/.test(a)) {
      invert ||= a.includes('v');
      ignoreCase ||= a.includes('i');
    } else if (a === '-E') continue;
    else if (pattern === undefined) pattern = a;
  }
  if (pattern === undefined) return { stdout: '', stderr: 'Usage: grep [OPTION]... PATTERNS [FILE]...\n', exitCode: 2 };
  let re: RegExp;
  try {
    re = new RegExp(pattern, ignoreCase ? 'i' : '');
  } catch {
    return { stdout: '', stderr: 'grep: Invalid regular expression\n', exitCode: 2 };
  }
  const lines = text.split('\n').filter((l, i, all) => !(i === all.length - 1 && l === ''));
  const hits = lines.filter((l) => re.test(l) !== invert);
  return { stdout: hits.length ? `${hits.join('\n')}\n` : '', stderr: '', exitCode: hits.length ? 0 : 1 };
}

function commonPrefix(words: string[]): string {
  let p = words[0] ?? '';
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Candidates laid out in columns, as bash lists completions. */
function columns(words: string[], cols: number): string {
  const width = Math.max(...words.map((w) => w.length)) + 2;
  const per = Math.max(1, Math.floor(cols / width));
  const rows: string[] = [];
  for (let i = 0; i < words.length; i += per) rows.push(words.slice(i, i + per).map((w) => w.padEnd(width)).join('').trimEnd());
  return `${rows.join('\n')}\n`;
}
