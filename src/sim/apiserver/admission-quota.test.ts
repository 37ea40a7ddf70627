import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { ApiError } from './errors';
import type { KubeObject } from '../api/types';

function pod(name: string, resources?: object): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'app', image: 'nginx', ...(resources ? { resources } : {}) }] } };
}

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return `${e.code} ${e.reason}: ${e.message}`;
    throw e;
  }
  return 'admitted';
}

const limitRange: KubeObject = {
  apiVersion: 'v1',
  kind: 'LimitRange',
  metadata: { name: 'limits', namespace: 'default' },
  spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m' }, min: { cpu: '50m' }, max: { cpu: '1', memory: '1Gi' } }] },
};

describe('LimitRanger admission', () => {
  it('fills default limits and requests into containers that have none, and recomputes the QoS class', () => {
    const c = createCluster({ seed: 1 });
    c.api.create(limitRange);
    const p = c.api.create(pod('p'));
    expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '256Mi' } });
    expect(p.status.qosClass).toBe('Burstable');
  });

  it('defaults the LimitRange itself: defaultRequest from default', () => {
    const c = createCluster({ seed: 1 });
    const lr = c.api.create(limitRange);
    expect(lr.spec.limits[0].defaultRequest).toEqual({ cpu: '100m', memory: '256Mi' });
  });

  it.each([
    { name: 'over max', res: { limits: { cpu: '2' } }, want: '403 Forbidden: pods "p" is forbidden: maximum cpu usage per Container is 1, but limit is 2' },
    { name: 'under min', res: { requests: { cpu: '10m' }, limits: { cpu: '20m' } }, want: '403 Forbidden: pods "p" is forbidden: minimum cpu usage per Container is 50m, but request is 10m' },
    { name: 'two violations are listed', res: { requests: { cpu: '10m' }, limits: { cpu: '20m', memory: '2Gi' } }, want: '403 Forbidden: pods "p" is forbidden: [minimum cpu usage per Container is 50m, but request is 10m, maximum memory usage per Container is 1Gi, but limit is 2Gi]' },
    { name: 'within range', res: { limits: { cpu: '1' } }, want: 'admitted' },
  ])('$name', ({ res, want }) => {
    const c = createCluster({ seed: 1 });
    c.api.create(limitRange);
    expect(message(() => c.api.create(pod('p', res)))).toBe(want);
  });
});

describe('ResourceQuota admission', () => {
  const quota: KubeObject = {
    apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute', namespace: 'default' },
    spec: { hard: { pods: '2', 'requests.cpu': '1', 'limits.memory': '1Gi' } },
  };

  it('admits pods up to the quota, then says which resources are exceeded', () => {
    const c = createCluster({ seed: 1 });
    c.api.create(quota);
    const res = { requests: { cpu: '400m' }, limits: { memory: '512Mi' } };
    expect(message(() => c.api.create(pod('a', res)))).toBe('admitted');
    expect(message(() => c.api.create(pod('b', { requests: { cpu: '700m' }, limits: { memory: '256Mi' } })))).toBe(
      '403 Forbidden: pods "b" is forbidden: exceeded quota: compute, requested: requests.cpu=700m, used: requests.cpu=400m, limited: requests.cpu=1',
    );
    expect(message(() => c.api.create(pod('b', res)))).toBe('admitted');
    expect(message(() => c.api.create(pod('c', res)))).toBe(
      '403 Forbidden: pods "c" is forbidden: exceeded quota: compute, requested: limits.memory=512Mi,pods=1,requests.cpu=400m, used: limits.memory=1Gi,pods=2,requests.cpu=800m, limited: limits.memory=1Gi,pods=2,requests.cpu=1',
    );
  });

  it('requires the constrained requests and limits to be set', () => {
    const c = createCluster({ seed: 1 });
    c.api.create(quota);
    expect(message(() => c.api.create(pod('a')))).toBe('403 Forbidden: pods "a" is forbidden: failed quota: compute: must specify limits.memory for: app; requests.cpu for: app');
  });

  it('counts objects with count/<resource>', () => {
    const c = createCluster({ seed: 1 });
    c.api.create({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'objects', namespace: 'default' }, spec: { hard: { configmaps: '1' } } });
    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' } });
    expect(message(() => c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: 'default' } }))).toBe(
      '403 Forbidden: configmaps "b" is forbidden: exceeded quota: objects, requested: configmaps=1, used: configmaps=1, limited: configmaps=1',
    );
  });
});
