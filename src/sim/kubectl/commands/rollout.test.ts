import { beforeEach, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../cluster';
import { kubectl } from '../kubectl';
import { rolloutStatusLine } from './rollout-status';

let cluster: Cluster;
const run = (...argv: string[]) => kubectl({ cluster, files: {} }, argv);
const both = (...argv: string[]) => {
  const r = run(...argv);
  return r.stdout + r.stderr;
};

beforeEach(() => {
  cluster = createCluster({ seed: 1 });
  run('create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=3');
});

describe('kubectl rollout status', () => {
  it('walks through the §3.2 messages as the rollout progresses', () => {
    const seen: string[] = [];
    const watch = () => {
      for (let i = 0; i < 600; i++) {
        const step = rolloutStatusLine(cluster, 'default', 'web');
        if (step.line !== seen[seen.length - 1]) seen.push(step.line);
        if (step.done || step.error) return;
        cluster.runFor(100);
      }
    };
    watch();
    expect(seen[0]).toBe('Waiting for deployment spec update to be observed...');
    expect(seen[seen.length - 1]).toBe('deployment "web" successfully rolled out');
    expect(seen.every((l) => /^(Waiting for deployment|deployment "web")/.test(l))).toBe(true);

    seen.length = 0;
    expect(both('set', 'image', 'deployment/web', 'nginx=nginx:1.26')).toBe('deployment.apps/web image updated\n');
    watch();
    expect(seen).toContain('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...');
    expect(seen.some((l) => / old replicas are pending termination\.\.\.$/.test(l))).toBe(true);
    expect(seen[seen.length - 1]).toBe('deployment "web" successfully rolled out');
    expect(both('rollout', 'status', 'deployment/web')).toBe('deployment "web" successfully rolled out\n');
  });

  it.each([
    [['rollout', 'status', 'deploy/nope'], 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    [['rollout', 'status', 'pod/x'], 'error: no status viewer has been implemented for {"" "Pod"}\n'],
    [['rollout', 'status'], "error: required resource not specified\nSee 'kubectl rollout status -h' for help and examples\n"],
  ])('%j', (argv, want) => {
    expect(both(...argv)).toBe(want);
  });
});

describe('kubectl rollout history, undo, restart, pause, resume', () => {
  beforeEach(() => {
    cluster.runFor(30_000);
    run('set', 'image', 'deployment/web', 'nginx=nginx:1.26');
    cluster.runFor(60_000);
  });

  it('prints the revisions', () => {
    expect(both('rollout', 'history', 'deployment/web')).toBe('deployment.apps/web\nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
  });

  it('rolls back to the previous template, which becomes revision 3', () => {
    expect(both('rollout', 'undo', 'deployment/web')).toBe('deployment.apps/web rolled back\n');
    expect(cluster.api.get('Deployment', 'default', 'web').spec.template.spec.containers[0].image).toBe('nginx:1.27');
    cluster.runFor(60_000);
    expect(both('rollout', 'history', 'deploy/web')).toBe('deployment.apps/web\nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    expect(both('rollout', 'undo', 'deployment/web', '--to-revision=3')).toBe('deployment.apps/web skipped rollback (current template already matches revision 3)\n');
    expect(both('rollout', 'undo', 'deployment/web', '--to-revision=9')).toBe('error: unable to find specified revision 9 in history\n');
  });

  it('pauses, refuses to pause twice, resumes, and restarts', () => {
    expect(both('rollout', 'pause', 'deployment/web')).toBe('deployment.apps/web paused\n');
    expect(run('rollout', 'pause', 'deployment/web')).toMatchObject({ stderr: 'error: deployments.apps "web" is already paused\n', exitCode: 1 });
    expect(both('rollout', 'restart', 'deployment/web')).toBe('error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n');
    expect(both('rollout', 'undo', 'deployment/web')).toBe("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment.apps/web' and try again\n");
    expect(both('rollout', 'resume', 'deployment/web')).toBe('deployment.apps/web resumed\n');
    expect(both('rollout', 'resume', 'deployment/web')).toBe('error: deployments.apps "web" is not paused\n');
    expect(both('rollout', 'restart', 'deployment/web')).toBe('deployment.apps/web restarted\n');
    expect(cluster.api.get('Deployment', 'default', 'web').spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });
});

describe('kubectl scale and set image', () => {
  it.each([
    [['scale', 'deployment/web', '--replicas=5'], 'deployment.apps/web scaled\n'],
    [['scale', 'deploy', 'web', '--replicas=0'], 'deployment.apps/web scaled\n'],
    [['scale', 'deploy/web', '--replicas=2', '--current-replicas=3'], 'deployment.apps/web scaled\n'],
    [['scale', 'deploy/web', '--replicas=2', '--current-replicas=4'], 'error: Expected replicas to be 4, was 3\n'],
    [['scale', 'deploy/web'], 'error: required flag(s) "replicas" not set\n'],
    [['scale', 'deploy/nope', '--replicas=1'], 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    [['set', 'image', 'deploy/web', 'nginx=nginx:1.26'], 'deployment.apps/web image updated\n'],
    [['set', 'image', 'deploy/web', 'nginx=nginx:1.27'], ''],
    [['set', 'image', 'deploy/web', 'app=nginx:1.26'], 'error: unable to find container named "app"\n'],
  ])('%j', (argv, want) => {
    expect(both(...argv)).toBe(want);
  });
});
