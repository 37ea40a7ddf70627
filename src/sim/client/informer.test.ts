import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../core/clock';
import { Rng } from '../core/rng';
import { ObjectStore } from '../store/store';
import { ApiServer, EVENT_TTL_MS } from '../apiserver/apiserver';
import { CONTROLLER_UID_INDEX, Informer, NODE_NAME_INDEX, ORPHAN_INDEX } from './informer';
import type { KubeObject } from '../api/types';

function setup() {
  const clock = new VirtualClock();
  const rng = new Rng(1);
  const api = new ApiServer(new ObjectStore(), clock, rng);
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  return { clock, rng, api };
}

function pod(name: string, owner?: string, nodeName?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: owner, controller: true }] } : {}),
    },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...(nodeName ? { nodeName } : {}) },
  };
}

describe('Informer indexes', () => {
  it('finds objects by controller uid, orphans and node, sorted, and follows updates and deletes', () => {
    const { clock, rng, api } = setup();
    const inf = new Informer(api, clock, rng, 'Pod');
    inf.addIndexer(CONTROLLER_UID_INDEX);
    inf.addIndexer(ORPHAN_INDEX);
    api.create(pod('b', 'u1', 'n1'));
    inf.start();
    // Added after start: the index is built from the cache.
    inf.addIndexer(NODE_NAME_INDEX);
    api.create(pod('a', 'u1'));
    api.create(pod('c'));
    clock.runFor(100);
    const names = (objs: KubeObject[]) => objs.map((o) => o.metadata.name);
    expect(names(inf.byIndex(CONTROLLER_UID_INDEX, 'u1'))).toEqual(['a', 'b']);
    expect(names(inf.byIndex(ORPHAN_INDEX, 'default'))).toEqual(['c']);
    expect(names(inf.byIndex(NODE_NAME_INDEX, 'n1'))).toEqual(['b']);
    expect(names(inf.byIndexes([[CONTROLLER_UID_INDEX, 'u1'], [ORPHAN_INDEX, 'default']]))).toEqual(['a', 'b', 'c']);
    expect(names(inf.list('default'))).toEqual(['a', 'b', 'c']);

    // c is adopted, a is deleted: both indexes move.
    const c = structuredClone(inf.get('default/c')!);
    c.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u1', controller: true }];
    api.update(c);
    api.delete('Pod', 'default', 'a');
    clock.runFor(100);
    expect(names(inf.byIndex(CONTROLLER_UID_INDEX, 'u1'))).toEqual(['b', 'c']);
    expect(inf.byIndex(ORPHAN_INDEX, 'default')).toEqual([]);
  });

  it('a node-scoped pod watch sees its own pods only, including their deletion', () => {
    const { clock, rng, api } = setup();
    const inf = new Informer(api, clock, rng, 'Pod', (p) => p.spec?.nodeName === 'n1', 'n1');
    inf.start();
    api.create(pod('mine', undefined, 'n1'));
    api.create(pod('other', undefined, 'n2'));
    clock.runFor(100);
    expect(inf.list().map((p) => p.metadata.name)).toEqual(['mine']);
    api.delete('Pod', 'default', 'mine', { gracePeriodSeconds: 0 });
    clock.runFor(100);
    expect(inf.size).toBe(0);
  });
});

describe('Event TTL', () => {
  it('removes an Event an hour after its last write', () => {
    const { clock, api } = setup();
    const ev = (name: string) => ({ apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' }, reason: 'Test', count: 1, involvedObject: { kind: 'Pod', namespace: 'default', name: 'p' } });
    api.create(ev('old'));
    clock.runFor(30 * 60_000);
    api.create(ev('young'));
    const touched = structuredClone(api.get('Event', 'default', 'old'));
    clock.runFor(10 * 60_000);
    touched.count = 2;
    api.update(touched);
    clock.runFor(EVENT_TTL_MS - 10 * 60_000 - 1);
    // "old" was written again 40 min in, "young" 30 min in: both are still there just before 90 min.
    expect(api.list('Event').items.map((e) => e.metadata.name)).toEqual(['old', 'young']);
    clock.runFor(1);
    expect(api.list('Event').items.map((e) => e.metadata.name)).toEqual(['old']);
    clock.runFor(10 * 60_000);
    expect(api.list('Event').items).toEqual([]);
  });
});
