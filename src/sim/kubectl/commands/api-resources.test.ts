import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import { kubectl } from '../kubectl';

const cluster = createCluster({ seed: 1 });
const run = (...argv: string[]) => kubectl({ cluster }, argv);

describe('kubectl api-resources', () => {
  it('lists the core group first, then groups and names in order, in tab-writer columns', () => {
    const lines = run('api-resources').stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'NAME                        SHORTNAMES   APIVERSION                     NAMESPACED   KIND',
      'configmaps                  cm           v1                             true         ConfigMap',
      'endpoints                   ep           v1                             true         Endpoints',
      'events                      ev           v1                             true         Event',
    ]);
    expect(lines).toContain('customresourcedefinitions   crd,crds     apiextensions.k8s.io/v1        false        CustomResourceDefinition');
    expect(lines).toContain('deployments                 deploy       apps/v1                        true         Deployment');
    expect(lines.at(-2)).toBe('volumeattachments                        storage.k8s.io/v1              false        VolumeAttachment');
  });

  it('adds VERBS and CATEGORIES with -o wide', () => {
    const out = run('api-resources', '-o', 'wide', '--api-group', 'apps').stdout;
    expect(out).toBe([
      'NAME                  SHORTNAMES   APIVERSION   NAMESPACED   KIND                 VERBS                                                          CATEGORIES',
      'controllerrevisions                apps/v1      true         ControllerRevision   [create delete deletecollection get list patch update watch]',
      'daemonsets            ds           apps/v1      true         DaemonSet            [create delete deletecollection get list patch update watch]   all',
      'deployments           deploy       apps/v1      true         Deployment           [create delete deletecollection get list patch update watch]   all',
      'replicasets           rs           apps/v1      true         ReplicaSet           [create delete deletecollection get list patch update watch]   all',
      'statefulsets          sts          apps/v1      true         StatefulSet          [create delete deletecollection get list patch update watch]   all',
      '',
    ].join('\n'));
  });

  it.each([
    { argv: ['--namespaced=false', '-o', 'name', '--api-group', 'storage.k8s.io'], want: 'csidrivers.storage.k8s.io\ncsinodes.storage.k8s.io\nstorageclasses.storage.k8s.io\nvolumeattachments.storage.k8s.io\n' },
    { argv: ['--categories', 'all', '-o', 'name', '--sort-by', 'name'], want: 'cronjobs.batch\ndaemonsets.apps\ndeployments.apps\nhorizontalpodautoscalers.autoscaling\njobs.batch\npods\nreplicasets.apps\nreplicationcontrollers\nservices\nstatefulsets.apps\n' },
    { argv: ['--verbs', 'list', '--api-group', 'batch', '--no-headers'], want: 'cronjobs   cj        batch/v1   true      CronJob\njobs                 batch/v1   true      Job\n' },
  ])('$argv', ({ argv, want }) => {
    expect(run('api-resources', ...argv).stdout).toBe(want);
  });

  it('rejects an unknown output format', () => {
    expect(run('api-resources', '-o', 'yaml')).toMatchObject({ stderr: 'error: --output yaml is not available\n', exitCode: 1 });
  });
});

describe('kubectl api-versions', () => {
  it('prints the served group versions, sorted', () => {
    expect(run('api-versions').stdout).toBe([
      'apiextensions.k8s.io/v1', 'apps/v1', 'autoscaling/v2', 'batch/v1', 'coordination.k8s.io/v1', 'discovery.k8s.io/v1',
      'networking.k8s.io/v1', 'policy/v1', 'rbac.authorization.k8s.io/v1', 'scheduling.k8s.io/v1', 'storage.k8s.io/v1', 'v1', '',
    ].join('\n'));
  });
});
