import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import { kubectl } from '../kubectl';
import { buildK8sSchema } from '../../../../scripts/k8s-schema';

const cluster = createCluster({ seed: 1 });
const schema = buildK8sSchema();
const explain = (...argv: string[]) => kubectl({ cluster, schema }, ['explain', ...argv]);

describe('kubectl explain', () => {
  it('explains a kind with its group, version, description and fields', () => {
    const r = explain('deployment');
    expect(r.exitCode).toBe(0);
    expect(r.stdout.startsWith('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nDESCRIPTION:\n    Deployment enables declarative updates for Pods and ReplicaSets.\n    \nFIELDS:\n  apiVersion\t<string>\n')).toBe(true);
    expect(r.stdout).toContain('\n  metadata\t<ObjectMeta>\n');
    expect(r.stdout).toContain('\n  spec\t<DeploymentSpec>\n');
  });

  it('explains a field, wrapping its description at 80 columns', () => {
    const r = explain('deploy.spec.strategy.rollingUpdate.maxSurge');
    expect(r.stdout).toBe(
      [
        'GROUP:      apps',
        'KIND:       Deployment',
        'VERSION:    v1',
        '',
        'FIELD: maxSurge <IntOrString>',
        '',
        '',
        'DESCRIPTION:',
        '    The maximum number of pods that can be scheduled above the desired number of',
        '    pods. Value can be an absolute number (ex: 5) or a percentage of desired',
        '    pods (ex: 10%). This can not be 0 if MaxUnavailable is 0. Absolute number is',
      ].join('\n') + '\n' + r.stdout.split('\n').slice(11).join('\n'),
    );
  });

  it('names core kinds without a group and marks required fields', () => {
    const r = explain('pods.spec');
    expect(r.stdout.startsWith('KIND:       Pod\nVERSION:    v1\n\nFIELD: spec <PodSpec>\n')).toBe(true);
    expect(r.stdout).toContain('\n  containers\t<[]Container> -required-\n');
  });

  it('lists nested fields with --recursive', () => {
    const r = explain('pod.spec.containers.resources', '--recursive');
    expect(r.stdout).toContain('FIELDS:\n  claims\t<[]ResourceClaim>\n    name\t<string> -required-\n');
  });

  it.each([
    [['pods.spec.nope'], 'error: field "nope" does not exist\n'],
    [['foos'], 'error: the server doesn\'t have a resource type "foos"\n'],
  ])('%j fails as kubectl does', (argv, stderr) => {
    const r = explain(...argv);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(stderr);
  });
});
