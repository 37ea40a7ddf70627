import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { ApiError } from './errors';
import type { KubeObject } from '../api/types';

function status(fn: () => unknown): ApiError['status'] | 'admitted' {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e.status;
    throw e;
  }
  return 'admitted';
}

const podSpec = { containers: [{ name: 'app', image: 'busybox' }], restartPolicy: 'Never' };

describe('schema validation from the OpenAPI schemas', () => {
  it.each([
    {
      name: 'a string replica count fails decoding with 400',
      obj: { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { replicas: 'two', serviceName: 'db', selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: podSpec } } },
      want: { code: 400, reason: 'BadRequest', message: 'StatefulSet in version "v1" cannot be handled as a StatefulSet: json: cannot unmarshal string into Go struct field StatefulSetSpec.spec.replicas of type int32' },
    },
    {
      name: 'a number where a string goes names the Go struct of the field',
      obj: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template: { spec: { ...podSpec, containers: [{ name: 'app', image: 'busybox', env: [{ name: 'PORT', value: 8080 }] }] } } } },
      want: { code: 400, message: 'Job in version "v1" cannot be handled as a Job: json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string' },
    },
    {
      name: 'a ConfigMap data value that is not a string',
      obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { enabled: true } },
      want: { code: 400, message: 'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal bool into Go struct field ConfigMap.data of type string' },
    },
    {
      name: 'a missing required field is a 422 field error',
      obj: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'rb' }, subjects: [{ kind: 'User' }], roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' } },
      want: {
        code: 422,
        reason: 'Invalid',
        message: 'RoleBinding.rbac.authorization.k8s.io "rb" is invalid: subjects[0].name: Required value',
        details: { name: 'rb', group: 'rbac.authorization.k8s.io', kind: 'RoleBinding', causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'subjects[0].name' }] },
      },
    },
    {
      name: 'a value outside an enum is Unsupported value',
      obj: { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'cj' }, spec: { schedule: '*/1 * * * *', concurrencyPolicy: 'Sometimes', jobTemplate: { spec: { template: { spec: podSpec } } } } },
      want: { code: 422, message: 'CronJob.batch "cj" is invalid: spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"' },
    },
    {
      name: 'the hand-written rules still run: a bad name',
      obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name' } },
      want: { code: 422, message: 'ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')' },
    },
    {
      name: 'a Job whose pods would restart Always',
      obj: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template: { spec: { containers: [{ name: 'app', image: 'busybox' }] } } } },
      want: { code: 422, message: 'Job.batch "j" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"' },
    },
  ])('$name', ({ obj, want }) => {
    const c = createCluster({ seed: 1 });
    const got = status(() => c.api.create({ ...(obj as KubeObject), metadata: { namespace: 'default', ...obj.metadata } }));
    expect(got).toMatchObject(want);
  });
});

describe('defaults of the new kinds', () => {
  it('encodes Secret stringData into data and defaults the type', () => {
    const c = createCluster({ seed: 1 });
    const s = c.api.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, stringData: { password: 'hunter2' } });
    expect(s).toMatchObject({ type: 'Opaque', data: { password: 'aHVudGVyMg==' } });
    expect(s.stringData).toBeUndefined();
  });

  it('defaults a Job: completions, parallelism, backoffLimit, completionMode', () => {
    const c = createCluster({ seed: 1 });
    const j = c.api.create({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', namespace: 'default' }, spec: { template: { spec: podSpec } } });
    expect(j.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false });
  });

  it('gives every namespace a default ServiceAccount and default the kubernetes Service at 10.96.0.1', () => {
    const c = createCluster({ seed: 1 });
    c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
    expect(c.api.list('ServiceAccount').items.map((s) => `${s.metadata.namespace}/${s.metadata.name}`)).toContain('team-a/default');
    expect(c.api.get('Service', 'default', 'kubernetes').spec).toMatchObject({ clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, targetPort: 6443 }] });
  });

  it('allocates distinct ClusterIPs in 10.96.0.0/12 and rejects a taken one', () => {
    const c = createCluster({ seed: 1 });
    const svc = (name: string, clusterIP?: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { clusterIP, selector: { app: name }, ports: [{ port: 80 }] } });
    const a = c.api.create(svc('a'));
    const b = c.api.create(svc('b'));
    expect(a.spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(b.spec.clusterIP).not.toBe(a.spec.clusterIP);
    expect(status(() => c.api.create(svc('c', a.spec.clusterIP)))).toMatchObject({
      code: 422,
      message: `Service "c" is invalid: spec.clusterIPs: Invalid value: ["${a.spec.clusterIP}"]: failed to allocate IP ${a.spec.clusterIP}: provided IP is already allocated`,
    });
  });
});
