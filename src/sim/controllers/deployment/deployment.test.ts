import { describe, expect, it } from 'vitest';
import { clone } from '../../apiserver/apiserver';
import type { KubeObject } from '../../api/types';
import { DeploymentController } from './deployment';
import { ReplicaSetController } from '../replicaset/replicaset';
import { fenceposts, newReplicaSetSize, scaleDownOld } from './rollout';
import { computePodTemplateHash } from '../util/hash';
import { eventsFor, fakeKubelets, makeContext, makeNode, startControllers, template } from '../testing/harness';

function setup(spec: Record<string, unknown> = {}) {
  const ctx = makeContext();
  const deploy = new DeploymentController(ctx);
  const rsCtrl = new ReplicaSetController(ctx, deploy.process);
  startControllers(deploy, rsCtrl);
  makeNode(ctx, 'node-1');
  ctx.api.create<KubeObject>({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }), ...spec },
  });
  const getD = () => ctx.api.get('Deployment', 'default', 'web');
  const replicaSets = () => ctx.api.list('ReplicaSet', 'default').items;
  const setImage = (image: string) => {
    const next = clone(getD());
    next.spec.template.spec.containers[0].image = image;
    ctx.api.update(next);
  };
  /** Runs `ms` of virtual time in 100 ms steps with the fake kubelets, calling `check` after each. */
  const run = (ms: number, check: () => void = () => {}) => {
    for (let t = 0; t < ms; t += 100) {
      fakeKubelets(ctx);
      ctx.clock.runFor(100);
      check();
    }
  };
  return { ctx, getD, replicaSets, setImage, run };
}

describe('fenceposts', () => {
  it.each([
    [10, '25%', '25%', 3, 2],
    [1, '25%', '25%', 1, 0],
    [3, '25%', '25%', 1, 0],
    [4, 0, 0, 0, 1],
    [5, 2, '50%', 2, 2],
  ])('replicas %i surge %s unavailable %s -> %i / %i', (replicas, s, u, surge, unavailable) => {
    expect(fenceposts(replicas, s, u)).toEqual({ surge, unavailable });
  });

  it('grows the new ReplicaSet within replicas + maxSurge and shrinks old ones within maxUnavailable', () => {
    expect(newReplicaSetSize(3, 1, 0, 3)).toBe(1);
    expect(newReplicaSetSize(3, 1, 1, 4)).toBe(1);
    expect(newReplicaSetSize(10, 3, 0, 10)).toBe(3);
    expect(scaleDownOld(3, 0, [{ name: 'old', replicas: 3, available: 3 }], { replicas: 1, available: 1 }).get('old')).toBe(2);
    expect(scaleDownOld(3, 0, [{ name: 'old', replicas: 3, available: 3 }], { replicas: 1, available: 0 }).get('old')).toBe(3);
    expect(scaleDownOld(3, 1, [{ name: 'old', replicas: 3, available: 1 }], { replicas: 1, available: 0 }).get('old')).toBe(2);
  });
});

describe('DeploymentController', () => {
  it('creates <name>-<hash> scaled from 0 to 3 and reports a complete rollout', () => {
    const { ctx, getD, replicaSets, run } = setup();
    run(2000);
    const [rs] = replicaSets();
    const hash = computePodTemplateHash(getD().spec.template);
    expect(hash).toMatch(/^[4-9bcdf]{1,10}$/);
    expect(hash).toHaveLength(10);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec.template.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '1',
    });
    expect(rs.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', name: 'web', controller: true, blockOwnerDeletion: true });
    expect(eventsFor(ctx, 'web')).toEqual([`Normal ScalingReplicaSet Scaled up replica set web-${hash} from 0 to 3`]);
    const d = getD();
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.status.unavailableReplicas).toBeUndefined();
    expect(d.status.conditions.map((c: { type: string; status: string; reason: string; message: string }) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "web-${hash}" has successfully progressed.`],
    ]);
  });

  it('rolls a new image out within maxSurge and maxUnavailable', () => {
    const { ctx, getD, replicaSets, setImage, run } = setup({ replicas: 4 });
    run(2000);
    const first = replicaSets()[0].metadata.name;
    setImage('nginx:1.28');
    let maxTotal = 0;
    let minReady = Infinity;
    run(10_000, () => {
      maxTotal = Math.max(maxTotal, replicaSets().reduce((n, rs) => n + rs.spec.replicas, 0));
      const ready = ctx.api.list('Pod', 'default').items.filter((p) => !p.metadata.deletionTimestamp && p.status.conditions?.some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True'));
      minReady = Math.min(minReady, ready.length);
    });
    // 4 replicas at 25%: surge 1, unavailable 1.
    expect(maxTotal).toBe(5);
    expect(minReady).toBeGreaterThanOrEqual(3);
    const sets = replicaSets();
    const second = sets.find((rs) => rs.metadata.name !== first)!;
    expect(sets.find((rs) => rs.metadata.name === first)!.spec.replicas).toBe(0);
    expect(second.spec.replicas).toBe(4);
    expect(second.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(getD().metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    const events = eventsFor(ctx, 'web');
    expect(events).toContain(`Normal ScalingReplicaSet Scaled up replica set ${second.metadata.name} from 0 to 1`);
    expect(events).toContain(`Normal ScalingReplicaSet Scaled down replica set ${first} from 4 to 3`);
    expect(events).toContain(`Normal ScalingReplicaSet Scaled down replica set ${first} from 1 to 0`);
    expect(getD().status).toMatchObject({ replicas: 4, updatedReplicas: 4, availableReplicas: 4 });
  });

  it('Recreate scales the old ReplicaSet to 0 and waits for its pods before creating the new one', () => {
    const { ctx, replicaSets, setImage, run } = setup({ strategy: { type: 'Recreate' } });
    run(2000);
    const first = replicaSets()[0].metadata.name;
    setImage('nginx:1.28');
    ctx.clock.runFor(500);
    expect(replicaSets().map((rs) => [rs.metadata.name, rs.spec.replicas])).toEqual([[first, 0]]);
    run(3000);
    const second = replicaSets().find((rs) => rs.metadata.name !== first)!;
    expect(second.spec.replicas).toBe(3);
    expect(eventsFor(ctx, 'web').slice(1)).toEqual([
      `Normal ScalingReplicaSet Scaled down replica set ${first} from 3 to 0`,
      `Normal ScalingReplicaSet Scaled up replica set ${second.metadata.name} from 0 to 3`,
    ]);
  });

  it('keeps only revisionHistoryLimit old ReplicaSets', () => {
    const { replicaSets, setImage, run } = setup({ revisionHistoryLimit: 1, replicas: 1 });
    run(1000);
    for (const image of ['nginx:1.26', 'nginx:1.27.1', 'nginx:1.28']) {
      setImage(image);
      run(3000);
    }
    const sets = replicaSets().map((rs) => [rs.metadata.annotations?.['deployment.kubernetes.io/revision'], rs.spec.replicas]);
    expect(sets.sort()).toEqual([['3', 0], ['4', 1]]);
  });

  it('reports ProgressDeadlineExceeded when the new pods never become available', () => {
    const { ctx, getD } = setup({ progressDeadlineSeconds: 30 });
    ctx.clock.runFor(31_000 + 2000);
    const progressing = getD().status.conditions.find((c: { type: string }) => c.type === 'Progressing');
    expect(progressing).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    expect(progressing.message).toMatch(/^ReplicaSet "web-[4-9bcdf]+" has timed out progressing\.$/);
  });
});
