/// <reference types="node" />
/**
 * `npm run bench`: runs the headless scale scenarios (S, M, L, XL), each in its
 * own Node process with a heap large enough, and prints a Markdown table.
 *   --json          print the results as JSON instead
 *   --only S,M      run only these scenarios
 *   --budget 600    wall-clock seconds per scenario before it reports how far it got
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SCENARIOS, type ScenarioResult } from './scenario';

/** Heap limit per scenario, MiB (the machine has 24 GiB). */
const HEAP_MIB: Record<string, number> = { S: 1024, M: 4096, L: 12_288, XL: 20_480 };

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Runs one scenario in a child process; a child that overruns is killed and its last progress kept. */
function runChild(name: string, budgetS: number): Promise<ScenarioResult> {
  const script = fileURLToPath(new URL('./scenario.ts', import.meta.url));
  const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MIB[name]}`, '--expose-gc', '--import', 'tsx', script, name, String(budgetS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let last: ScenarioResult | undefined;
  let final: ScenarioResult | undefined;
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith('PROGRESS ')) {
        last = JSON.parse(line.slice(9));
        process.stderr.write(`  [${name}] ${line.slice(9, 260)}\n`);
      } else if (line.startsWith('RESULT ')) final = JSON.parse(line.slice(7));
    }
  });
  // A step of the clock can run long; past the budget plus a grace minute the child is stopped.
  const killer = setTimeout(() => child.kill('SIGKILL'), (budgetS + 60) * 1000);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(killer);
      const spec = SCENARIOS[name];
      const res = final ?? last ?? { scenario: name, nodes: spec.nodes, pods: spec.pods, deployments: 0, phase: 'setup', podsRunning: 0, peakHeapMiB: 0 };
      if (!final) res.stopped = `process ended (${signal ?? `exit ${code}`}) in phase ${res.phase}`;
      resolve(res);
    });
  });
}

const fmt = (x: number | undefined, unit = '') => (x === undefined ? '—' : `${x}${unit}`);

/** The results as a Markdown table. */
export function markdown(results: ScenarioResult[]): string {
  const rows = [
    '| scenario | nodes | pods | setup (wall s) | apply → all Running (wall s) | virtual s | pods/wall s | steady virtual s per wall s | peak heap (MiB) | live heap (MiB) | 10% nodes killed → whole (wall s / virtual s) | notes |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const failure = r.killedNodes === undefined ? '—' : `${fmt(r.failureWallS)} / ${fmt(r.failureVirtualS)} (${r.killedNodes} nodes)`;
    const notes = r.stopped ? `stopped: ${r.stopped}; ${r.podsRunning} pods Running` : '';
    rows.push(
      `| ${r.scenario} | ${r.nodes} | ${r.pods} | ${fmt(r.setupWallS)} | ${fmt(r.convergeWallS)} | ${fmt(r.convergeVirtualS)} | ${fmt(r.podsPerWallS)} | ${fmt(r.steadyVirtualPerWall)} | ${r.peakHeapMiB} | ${fmt(r.liveHeapMiB)} | ${failure} | ${notes} |`,
    );
  }
  return rows.join('\n');
}

async function main(): Promise<void> {
  const only = (arg('--only') ?? 'S,M,L,XL').split(',').map((s) => s.trim().toUpperCase());
  const budgetS = Number(arg('--budget') ?? 600);
  const results: ScenarioResult[] = [];
  for (const name of only) {
    if (!SCENARIOS[name]) throw new Error(`unknown scenario ${name}`);
    process.stderr.write(`running ${name} (budget ${budgetS} s)...\n`);
    results.push(await runChild(name, budgetS));
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
  else console.log(`${markdown(results)}\n`);
}

void main();
