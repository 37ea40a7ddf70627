/// <reference types="node" />
/**
 * One benchmark scenario, run in its own Node process by bench/run.ts
 * (`node --import tsx bench/scenario.ts M [budgetSeconds]`). It prints
 * `PROGRESS {json}` lines while it runs and one `RESULT {json}` line at the end,
 * so the parent can report how far a scenario got when it runs out of time.
 * Wall time is fine here: the benchmark measures the simulation, it is not part of it.
 */
import { createCluster, defaultNodes } from '../src/sim/cluster';
import { applyYaml } from '../src/sim/kubectl/apply';
import type { KubeObject } from '../src/sim/api/types';

/** The size of one scenario. */
export interface ScenarioSpec {
  name: string;
  /** Nodes in all, one of them the control plane. */
  nodes: number;
  pods: number;
  /** Kill 10% of the workers after convergence and time the heal. */
  nodeFailure: boolean;
}

/** S, M, L and XL, as the performance issue defines them. */
export const SCENARIOS: Record<string, ScenarioSpec> = {
  S: { name: 'S', nodes: 4, pods: 30, nodeFailure: false },
  M: { name: 'M', nodes: 100, pods: 3_000, nodeFailure: true },
  L: { name: 'L', nodes: 1_000, pods: 30_000, nodeFailure: true },
  XL: { name: 'XL', nodes: 5_000, pods: 150_000, nodeFailure: false },
};

/** What one scenario measured; fields stay undefined for phases it did not reach. */
export interface ScenarioResult {
  scenario: string;
  nodes: number;
  pods: number;
  deployments: number;
  /** Last phase reached: setup, converging, steady, failure, done. */
  phase: string;
  /** Wall seconds to create the cluster (nodes registered). */
  setupWallS?: number;
  /** Wall seconds from applying the Deployments until every pod is Running. */
  convergeWallS?: number;
  /** Virtual seconds the convergence took. */
  convergeVirtualS?: number;
  podsRunning: number;
  /** Pods scheduled and started per wall second during convergence. */
  podsPerWallS?: number;
  /** Virtual seconds per wall second over 60 virtual seconds after convergence. */
  steadyVirtualPerWall?: number;
  /** Nodes killed for the failure test. */
  killedNodes?: number;
  /** Wall seconds from the kill until every Deployment is whole again. */
  failureWallS?: number;
  /** Virtual seconds from the kill until every Deployment is whole again. */
  failureVirtualS?: number;
  /** Peak V8 heap used, MiB (sampled between clock steps, garbage included). */
  peakHeapMiB: number;
  /** Live heap after a full GC once every pod runs, MiB (needs --expose-gc). */
  liveHeapMiB?: number;
  /** Why the run stopped early, if it did. */
  stopped?: string;
}

/** Deployment sizes cycled through until the pod count is reached (various sizes). */
const SIZES = [5, 10, 25, 50, 100, 200, 500, 10, 50, 1];

function deploymentYaml(name: string, replicas: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: app
        image: nginx:1.27
        resources:
          requests:
            cpu: 5m
            memory: 8Mi
`;
}

/** Splits `pods` into Deployment sizes, e.g. 30 → 5, 10, 15. */
export function deploymentSizes(pods: number): number[] {
  const out: number[] = [];
  let left = pods;
  for (let i = 0; left > 0; i++) {
    const size = Math.min(SIZES[i % SIZES.length], left);
    out.push(size);
    left -= size;
  }
  return out;
}

/** Runs one scenario within `budgetS` wall seconds, printing progress and the result. */
export function runScenario(spec: ScenarioSpec, budgetS: number): ScenarioResult {
  const t0 = performance.now();
  const wall = () => (performance.now() - t0) / 1000;
  const res: ScenarioResult = { scenario: spec.name, nodes: spec.nodes, pods: spec.pods, deployments: 0, phase: 'setup', podsRunning: 0, peakHeapMiB: 0 };
  let lastReport = 0;
  let lastPhase = '';
  const sample = () => {
    const heap = process.memoryUsage().heapUsed / 2 ** 20;
    if (heap > res.peakHeapMiB) res.peakHeapMiB = Math.round(heap);
    // Report at every phase change too, so a run killed mid-step still says where it was.
    if (wall() - lastReport > 5 || res.phase !== lastPhase) {
      lastPhase = res.phase;
      lastReport = wall();
      console.log(`PROGRESS ${JSON.stringify({ ...res, wallS: Math.round(wall()) })}`);
    }
  };
  const outOfTime = () => {
    if (wall() < budgetS) return false;
    res.stopped = `wall-clock budget of ${budgetS} s spent in phase ${res.phase}`;
    return true;
  };

  const cluster = createCluster({ seed: 1, nodes: defaultNodes(spec.nodes - 1) });
  cluster.runFor(1_000);
  res.setupWallS = round(wall());
  sample();

  // Count Running pods from the store's change stream, so checking is O(1) per step.
  const phases = new Map<string, string>();
  let running = 0;
  cluster.store.subscribe((change) => {
    if (change.object.kind !== 'Pod') return;
    const key = `${change.object.metadata.namespace}/${change.object.metadata.name}`;
    const before = phases.get(key);
    const after = change.type === 'DELETED' ? undefined : (change.object.status?.phase as string | undefined);
    if (before === 'Running') running--;
    if (after === 'Running') running++;
    if (after === undefined) phases.delete(key);
    else phases.set(key, after);
  });

  res.phase = 'converging';
  const sizes = deploymentSizes(spec.pods);
  res.deployments = sizes.length;
  const applyStart = wall();
  const virtualStart = cluster.clock.now();
  sizes.forEach((n, i) => applyYaml(cluster.api, deploymentYaml(`app-${i}`, n)));
  sample();
  while (running < spec.pods) {
    cluster.runFor(1_000);
    res.podsRunning = running;
    sample();
    if (outOfTime()) return finish(res);
  }
  res.convergeWallS = round(wall() - applyStart);
  res.convergeVirtualS = (cluster.clock.now() - virtualStart) / 1000;
  res.podsPerWallS = Math.round(spec.pods / Math.max(res.convergeWallS, 0.001));
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    res.liveHeapMiB = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  }

  res.phase = 'steady';
  const steadyStart = wall();
  for (let s = 0; s < 60; s++) {
    cluster.runFor(1_000);
    sample();
    if (outOfTime()) return finish(res);
  }
  res.steadyVirtualPerWall = round(60 / Math.max(wall() - steadyStart, 0.001));

  if (spec.nodeFailure) {
    res.phase = 'failure';
    const workers = cluster.nodes.filter((n) => !n.controlPlane).map((n) => n.name);
    const victims = workers.filter((_, i) => i % 10 === 0);
    res.killedNodes = victims.length;
    const killStart = wall();
    const killVirtual = cluster.clock.now();
    for (const name of victims) cluster.killNode(name);
    // Wait until the Deployments were hurt (pods marked not ready after 40-50 s) and whole again.
    let hurt = false;
    for (;;) {
      cluster.runFor(5_000);
      sample();
      if (outOfTime()) return finish(res);
      const whole = deploymentsWhole(cluster.api.list('Deployment').items);
      if (!whole) hurt = true;
      if (hurt && whole) break;
      // If nothing ever looked hurt (no pods on the victims), stop after the eviction timeline.
      if (!hurt && cluster.clock.now() - killVirtual > 600_000) break;
    }
    res.failureWallS = round(wall() - killStart);
    res.failureVirtualS = (cluster.clock.now() - killVirtual) / 1000;
  }
  res.phase = 'done';
  cluster.dispose();
  return finish(res);
}

function deploymentsWhole(deployments: KubeObject[]): boolean {
  return deployments.every((d) => (d.status?.availableReplicas ?? 0) === d.spec?.replicas && (d.status?.replicas ?? 0) === d.spec?.replicas);
}

function finish(res: ScenarioResult): ScenarioResult {
  console.log(`RESULT ${JSON.stringify(res)}`);
  return res;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

// Run as a script: `node --import tsx bench/scenario.ts NAME [budgetSeconds]`.
if (process.argv[1]?.endsWith('scenario.ts')) {
  const spec = SCENARIOS[process.argv[2] ?? ''];
  if (!spec) {
    console.error(`unknown scenario ${process.argv[2]}; one of ${Object.keys(SCENARIOS).join(', ')}`);
    process.exit(2);
  }
  runScenario(spec, Number(process.argv[3] ?? 600));
}
