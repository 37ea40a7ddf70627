import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../core/clock';
import { Rng } from '../core/rng';
import { ObjectStore } from '../store/store';
import { ApiServer } from './apiserver';
import { ApiError } from './errors';
import { createSystemPriorityClasses } from './priority';
import type { KubeObject } from '../api/types';
import { createCluster } from '../cluster';
import { apply, deploymentYaml, eventsFor, pods } from '../test/helpers';

function server(): ApiServer {
  const api = new ApiServer(new ObjectStore(), new VirtualClock(), new Rng(5));
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  createSystemPriorityClasses(api);
  return api;
}

function pc(name: string, fields: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value: 1000, ...fields };
}

function pdb(name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name }, spec: { selector: { matchLabels: { app: 'web' } }, ...spec } };
}

function pod(name: string, spec: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], ...spec } };
}

/** The Status an API call fails with, as `code reason: message`, or `ok`. */
function outcome(call: () => unknown): string {
  try {
    call();
    return 'ok';
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return `${err.code} ${err.reason}: ${err.message}`;
  }
}

describe('built-in PriorityClasses', () => {
  it('exist with their fixed values and the default preemption policy', () => {
    const api = server();
    const got = api.list('PriorityClass').items.map((c) => [c.metadata.name, c.value, c.preemptionPolicy, c.globalDefault ?? false]);
    expect(got).toEqual([
      ['system-cluster-critical', 2000000000, 'PreemptLowerPriority', false],
      ['system-node-critical', 2000001000, 'PreemptLowerPriority', false],
    ]);
  });
});

describe('PriorityClass validation and admission', () => {
  it.each([
    { name: 'a user class', obj: pc('high', { value: 1000000 }), want: 'ok' },
    { name: 'the highest user value', obj: pc('top', { value: 1000000000 }), want: 'ok' },
    {
      name: 'a user value above one billion',
      obj: pc('too-high', { value: 1000000001 }),
      want: '422 Invalid: PriorityClass.scheduling.k8s.io "too-high" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000',
    },
    {
      name: 'the system- prefix is reserved',
      obj: pc('system-mine'),
      want: "422 Invalid: PriorityClass.scheduling.k8s.io \"system-mine\" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: name system-mine is not a known system priority class",
    },
    {
      name: 'an unknown preemption policy',
      obj: pc('odd', { preemptionPolicy: 'Sometimes' }),
      want: '422 Invalid: PriorityClass.scheduling.k8s.io "odd" is invalid: preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"',
    },
    {
      name: 'an existing built-in name',
      obj: pc('system-node-critical', { value: 2000001000 }),
      want: '409 AlreadyExists: priorityclasses.scheduling.k8s.io "system-node-critical" already exists',
    },
  ])('$name', ({ obj, want }) => {
    expect(outcome(() => server().create(obj))).toBe(want);
  });

  it('allows only one global default', () => {
    const api = server();
    expect(outcome(() => api.create(pc('first', { globalDefault: true })))).toBe('ok');
    expect(outcome(() => api.create(pc('second', { globalDefault: true })))).toBe(
      '403 Forbidden: priorityclasses.scheduling.k8s.io "second" is forbidden: PriorityClass first is already marked as default. Only one default can exist',
    );
  });

  it('keeps value immutable', () => {
    const api = server();
    const stored = api.create(pc('high'));
    expect(outcome(() => api.update({ ...stored, value: 2000 }))).toBe(
      '422 Invalid: PriorityClass.scheduling.k8s.io "high" is invalid: value: Forbidden: may not be changed in an update.',
    );
  });
});

describe('Priority admission on pods', () => {
  it.each([
    { name: 'no class and no global default: 0', classes: [], spec: {}, want: { priority: 0, preemptionPolicy: 'PreemptLowerPriority' } },
    {
      name: 'a named class gives its value and policy',
      classes: [pc('batch', { value: 50, preemptionPolicy: 'Never' })],
      spec: { priorityClassName: 'batch' },
      want: { priorityClassName: 'batch', priority: 50, preemptionPolicy: 'Never' },
    },
    {
      name: 'no class: the global default applies and is named',
      classes: [pc('normal', { value: 100, globalDefault: true })],
      spec: {},
      want: { priorityClassName: 'normal', priority: 100, preemptionPolicy: 'PreemptLowerPriority' },
    },
    {
      name: 'a built-in class',
      classes: [],
      spec: { priorityClassName: 'system-cluster-critical' },
      want: { priorityClassName: 'system-cluster-critical', priority: 2000000000, preemptionPolicy: 'PreemptLowerPriority' },
    },
    {
      name: 'a priority that matches the class is accepted',
      classes: [pc('high', { value: 1000 })],
      spec: { priorityClassName: 'high', priority: 1000 },
      want: { priorityClassName: 'high', priority: 1000, preemptionPolicy: 'PreemptLowerPriority' },
    },
  ])('$name', ({ classes, spec, want }) => {
    const api = server();
    for (const c of classes) api.create(c);
    const created = api.create(pod('p', spec));
    expect(created.spec).toMatchObject(want);
  });

  it.each([
    {
      name: 'an unknown class',
      spec: { priorityClassName: 'foo' },
      want: '403 Forbidden: pods "x" is forbidden: no PriorityClass with name foo was found',
    },
    {
      name: 'a priority without a class',
      spec: { priority: 10 },
      want: '403 Forbidden: pods "x" is forbidden: the integer value of priority (10) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    },
    {
      name: 'a priority different from the class',
      spec: { priorityClassName: 'high', priority: 7 },
      want: '403 Forbidden: pods "x" is forbidden: the integer value of priority (7) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name',
    },
    {
      name: 'a preemption policy different from the class',
      spec: { priorityClassName: 'high', preemptionPolicy: 'Never' },
      want: '403 Forbidden: pods "x" is forbidden: the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name',
    },
  ])('rejects $name', ({ spec, want }) => {
    const api = server();
    api.create(pc('high', { value: 1000 }));
    expect(outcome(() => api.create(pod('x', spec)))).toBe(want);
  });
});

describe('PodDisruptionBudget validation', () => {
  it.each([
    { name: 'minAvailable as a number', spec: { minAvailable: 2 }, want: 'ok' },
    { name: 'maxUnavailable as a percentage', spec: { maxUnavailable: '25%' }, want: 'ok' },
    { name: 'neither set', spec: {}, want: 'ok' },
    {
      name: 'both set',
      spec: { minAvailable: 1, maxUnavailable: 1 },
      want: '422 Invalid: PodDisruptionBudget.policy "web" is invalid: spec: Invalid value: {"selector":{"matchLabels":{"app":"web"}},"minAvailable":1,"maxUnavailable":1}: minAvailable and maxUnavailable cannot be both set',
    },
    {
      name: 'a negative minAvailable',
      spec: { minAvailable: -1 },
      want: '422 Invalid: PodDisruptionBudget.policy "web" is invalid: spec.minAvailable: Invalid value: -1: must be greater than or equal to 0',
    },
    {
      name: 'a percentage over 100',
      spec: { maxUnavailable: '150%' },
      want: '422 Invalid: PodDisruptionBudget.policy "web" is invalid: spec.maxUnavailable: Invalid value: "150%": must not be greater than 100%',
    },
    {
      name: 'a string that is not a percentage',
      spec: { minAvailable: 'half' },
      want: "422 Invalid: PodDisruptionBudget.policy \"web\" is invalid: spec.minAvailable: Invalid value: \"half\": must be an integer or percentage (e.g '5%')",
    },
  ])('$name', ({ spec, want }) => {
    expect(outcome(() => server().create(pdb('web', spec)))).toBe(want);
  });
});

describe('Priority admission for pods made from templates', () => {
  it('gives a Deployment\'s pods their class, and the ReplicaSet reports an unknown class', () => {
    const cluster = createCluster({ seed: 4 });
    cluster.runFor(5_000);
    apply(cluster, `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: high
value: 1000000
`);
    apply(cluster, deploymentYaml('good', 2).replace('    spec:\n', '    spec:\n      priorityClassName: high\n'));
    apply(cluster, deploymentYaml('bad', 1).replace('    spec:\n', '    spec:\n      priorityClassName: foo\n'));
    cluster.runFor(3_000);
    expect(pods(cluster, 'good').map((p) => [p.spec.priorityClassName, p.spec.priority, p.spec.preemptionPolicy])).toEqual([
      ['high', 1000000, 'PreemptLowerPriority'],
      ['high', 1000000, 'PreemptLowerPriority'],
    ]);
    expect(pods(cluster, 'bad')).toEqual([]);
    const [rs] = cluster.api.list('ReplicaSet').items.filter((r) => r.metadata.labels?.app === 'bad');
    const failed = eventsFor(cluster, 'ReplicaSet', rs.metadata.name).filter((e) => e.reason === 'FailedCreate');
    expect(failed[0]).toMatchObject({
      type: 'Warning',
      message: `Error creating: pods "${rs.metadata.name}-" is forbidden: no PriorityClass with name foo was found`,
    });
  });
});
