import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { ApiError } from './errors';
import type { KubeObject } from '../api/types';

function deployment(name = 'web'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } },
    },
  };
}

function status(fn: () => unknown): ApiError['status'] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e.status;
    throw e;
  }
  throw new Error('expected an ApiError');
}

describe('patch', () => {
  it.each([
    {
      name: "merge: kubectl patch deployment web --type merge -p '{\"spec\":{\"replicas\":3}}'",
      type: 'merge' as const,
      patch: '{"spec":{"replicas":3}}',
      check: (d: KubeObject) => expect(d.spec.replicas).toBe(3),
    },
    {
      name: 'merge: null removes a label',
      type: 'merge' as const,
      patch: { metadata: { labels: { app: null, tier: 'fe' } } },
      check: (d: KubeObject) => expect(d.metadata.labels).toEqual({ tier: 'fe' }),
    },
    {
      name: 'strategic: a new container is added by name, the old one kept',
      type: 'strategic' as const,
      patch: { spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'busybox' }] } } } },
      check: (d: KubeObject) => expect(d.spec.template.spec.containers.map((c: { name: string }) => c.name)).toEqual(['nginx', 'sidecar']),
    },
    {
      name: 'strategic: a container with the same name is merged (image changes, ports stay)',
      type: 'strategic' as const,
      patch: { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } } } },
      check: (d: KubeObject) => expect(d.spec.template.spec.containers).toMatchObject([{ name: 'nginx', image: 'nginx:1.28', ports: [{ containerPort: 80 }] }]),
    },
    {
      name: 'strategic: $patch delete removes a container',
      type: 'strategic' as const,
      patch: { spec: { template: { spec: { containers: [{ name: 'nginx', $patch: 'delete' }, { name: 'app', image: 'app:1' }] } } } },
      check: (d: KubeObject) => expect(d.spec.template.spec.containers.map((c: { name: string }) => c.name)).toEqual(['app']),
    },
    {
      name: 'strategic: tolerations have no merge key and are replaced',
      type: 'strategic' as const,
      patch: { spec: { template: { spec: { tolerations: [{ key: 'b', operator: 'Exists' }] } } } },
      check: (d: KubeObject) => expect(d.spec.template.spec.tolerations).toEqual([{ key: 'b', operator: 'Exists' }]),
    },
    {
      name: 'strategic: $retainKeys clears the strategy keys not listed',
      type: 'strategic' as const,
      patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
      check: (d: KubeObject) => expect(d.spec.strategy).toEqual({ type: 'Recreate' }),
    },
    {
      name: 'json: replace then add',
      type: 'json' as const,
      patch: [{ op: 'replace', path: '/spec/replicas', value: 5 }, { op: 'add', path: '/metadata/labels/tier', value: 'fe' }],
      check: (d: KubeObject) => {
        expect(d.spec.replicas).toBe(5);
        expect(d.metadata.labels).toEqual({ app: 'web', tier: 'fe' });
      },
    },
    {
      name: 'json: test passes, move and copy',
      type: 'json' as const,
      patch: [{ op: 'test', path: '/spec/replicas', value: 1 }, { op: 'copy', from: '/metadata/labels/app', path: '/metadata/labels/copy' }, { op: 'move', from: '/metadata/labels/copy', path: '/metadata/labels/moved' }],
      check: (d: KubeObject) => expect(d.metadata.labels).toEqual({ app: 'web', moved: 'web' }),
    },
  ])('$name', ({ type, patch, check }) => {
    const c = createCluster({ seed: 1 });
    c.api.create(deployment());
    const before = c.api.get('Deployment', 'default', 'web');
    const after = c.api.patch('Deployment', 'default', 'web', type, patch);
    check(after);
    expect(Number(after.metadata.resourceVersion)).toBeGreaterThan(Number(before.metadata.resourceVersion));
  });

  it.each([
    {
      name: 'json: a failed test is 422 with the library reason as cause',
      type: 'json' as const,
      patch: [{ op: 'test', path: '/spec/replicas', value: 5 }],
      want: { code: 422, reason: 'Invalid', message: 'the server rejected our request due to an error in our request', details: { causes: [{ reason: 'UnexpectedServerResponse', message: 'testing value /spec/replicas failed: test failed' }] } },
    },
    {
      name: 'json: replace of a missing key',
      type: 'json' as const,
      patch: [{ op: 'replace', path: '/spec/nope/x', value: 1 }],
      want: { code: 422, details: { causes: [{ message: 'replace operation does not apply: doc is missing key: /spec/nope/x: missing value' }] } },
    },
    {
      name: 'json: a patch that is not a list is 400',
      type: 'json' as const,
      patch: { op: 'add' },
      want: { code: 400, reason: 'BadRequest', message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' },
    },
    {
      name: 'merge: a string replica count fails decoding',
      type: 'merge' as const,
      patch: { spec: { replicas: 'three' } },
      want: { code: 400, message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32' },
    },
    {
      name: 'merge: renaming through a patch',
      type: 'merge' as const,
      patch: { metadata: { name: 'other' } },
      want: { code: 400, message: 'the name of the object (other) does not match the name on the URL (web)' },
    },
  ])('$name', ({ type, patch, want }) => {
    const c = createCluster({ seed: 1 });
    c.api.create(deployment());
    expect(status(() => c.api.patch('Deployment', 'default', 'web', type, patch))).toMatchObject(want);
  });

  it('writes nothing for a patch that changes nothing', () => {
    const c = createCluster({ seed: 1 });
    const d = c.api.create(deployment());
    expect(c.api.patch('Deployment', 'default', 'web', 'merge', { spec: { replicas: 1 } }).metadata.resourceVersion).toBe(d.metadata.resourceVersion);
  });

  it('patches the scale subresource', () => {
    const c = createCluster({ seed: 1 });
    c.api.create(deployment());
    const scale = c.api.patch('Deployment', 'default', 'web', 'merge', { spec: { replicas: 4 } }, { subresource: 'scale' });
    expect(scale).toMatchObject({ apiVersion: 'autoscaling/v1', kind: 'Scale', spec: { replicas: 4 } });
  });
});

describe('scale subresource', () => {
  it('reads and writes an autoscaling/v1 Scale', () => {
    const c = createCluster({ seed: 1 });
    c.api.create(deployment());
    expect(c.api.getScale('Deployment', 'default', 'web')).toMatchObject({
      apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 1 }, status: { replicas: 0, selector: 'app=web' },
    });
    expect(c.api.updateScale('Deployment', 'default', 'web', 3).spec.replicas).toBe(3);
    expect(c.api.get('Deployment', 'default', 'web').spec.replicas).toBe(3);
  });

  it.each([
    { name: 'negative replicas', kind: 'Deployment', replicas: -1, want: { code: 422, message: 'Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0' } },
    { name: 'a kind without scale', kind: 'ConfigMap', replicas: 1, want: { code: 404, message: 'configmaps "web" not found' } },
  ])('$name', ({ kind, replicas, want }) => {
    const c = createCluster({ seed: 1 });
    c.api.create(deployment());
    expect(status(() => c.api.updateScale(kind, 'default', 'web', replicas))).toMatchObject(want);
  });
});

describe('deleteCollection', () => {
  it('deletes what the selector picks', () => {
    const c = createCluster({ seed: 1 });
    for (const [name, tier] of [['a', 'fe'], ['b', 'fe'], ['c', 'be']]) {
      c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', labels: { tier } }, data: {} });
    }
    expect(c.api.deleteCollection('ConfigMap', 'default', { labelSelector: 'tier=fe' }).map((o) => o.metadata.name)).toEqual(['a', 'b']);
    expect(c.api.list('ConfigMap', 'default').items.map((o) => o.metadata.name)).toEqual(['c']);
  });

  it('is not allowed on namespaces', () => {
    const c = createCluster({ seed: 1 });
    expect(status(() => c.api.deleteCollection('Namespace', undefined))).toMatchObject({
      code: 405, reason: 'MethodNotAllowed', message: 'the server does not allow this method on the requested resource',
    });
  });
});

describe('list selectors', () => {
  it.each([
    { name: 'field label not supported', kind: 'Pod', opts: { fieldSelector: 'spec.foo=bar' }, want: 'field label not supported: spec.foo' },
    { name: 'event type is supported but pod type is not', kind: 'Pod', opts: { fieldSelector: 'type=Warning' }, want: 'field label not supported: type' },
    { name: 'unparsable field selector', kind: 'Pod', opts: { fieldSelector: 'status.phase' }, want: "invalid selector: 'status.phase'; can't understand 'status.phase'" },
    { name: 'unparsable label selector', kind: 'Pod', opts: { labelSelector: 'app in web' }, want: "unable to parse requirement: found 'web' expected: '('" },
  ])('$name', ({ kind, opts, want }) => {
    const c = createCluster({ seed: 1 });
    expect(status(() => c.api.list(kind, 'default', opts))).toMatchObject({ code: 400, reason: 'BadRequest', message: want });
  });

  it('filters by field and label selector strings', () => {
    const c = createCluster({ seed: 1 });
    expect(c.api.list('Namespace', undefined, { fieldSelector: 'metadata.name!=default,status.phase=Active' }).items.map((n) => n.metadata.name))
      .toEqual(['kube-node-lease', 'kube-public', 'kube-system']);
    expect(c.api.list('Namespace', undefined, { labelSelector: 'kubernetes.io/metadata.name in (default,kube-public)' }).items.map((n) => n.metadata.name))
      .toEqual(['default', 'kube-public']);
  });
});

describe('unknown kinds and versions', () => {
  it.each([
    { obj: { apiVersion: 'v1', kind: 'Foo', metadata: { name: 'x' } }, want: 'no matches for kind "Foo" in version "v1"' },
    { obj: { apiVersion: 'v1', kind: 'Deployment', metadata: { name: 'x' } }, want: 'no matches for kind "Deployment" in version "v1"' },
    { obj: { apiVersion: 'batch/v1beta1', kind: 'CronJob', metadata: { name: 'x' } }, want: 'no matches for kind "CronJob" in version "batch/v1beta1"' },
  ])('$want', ({ obj, want }) => {
    const c = createCluster({ seed: 1 });
    expect(status(() => c.api.create(obj as KubeObject)).message).toBe(want);
  });
});
