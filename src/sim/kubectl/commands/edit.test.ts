import { beforeEach, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../cluster';
import { kubectl } from '../kubectl';
import { EDIT_HEADER, saveEdit } from './edit';

let cluster: Cluster;
let files: Record<string, string>;
const run = (...argv: string[]) => kubectl({ cluster, files }, argv);

beforeEach(() => {
  cluster = createCluster({ seed: 1 });
  files = {};
  run('create', 'deployment', 'web', '--image=nginx:1.27');
});

describe('kubectl edit', () => {
  it('opens the object in the editor and prints nothing', () => {
    const r = run('edit', 'deployment/web');
    expect(r).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(r.edit?.startsWith(`${EDIT_HEADER}apiVersion: apps/v1\nkind: Deployment\nmetadata:\n`)).toBe(true);
    expect(r.edit).toContain('      - image: nginx:1.27\n');
  });

  it('saves an edit, cancels an unchanged one, and reports a conflict', () => {
    const text = run('edit', 'deploy', 'web').edit!;
    expect(saveEdit(cluster.api, text)).toEqual({ stdout: 'Edit cancelled, no changes made.\n', stderr: '', exitCode: 0 });
    expect(saveEdit(cluster.api, text.replace('replicas: 1', 'replicas: 4'))).toEqual({ stdout: 'deployment.apps/web edited\n', stderr: '', exitCode: 0 });
    expect(cluster.api.get('Deployment', 'default', 'web').spec.replicas).toBe(4);
    expect(saveEdit(cluster.api, text.replace('replicas: 1', 'replicas: 2')).stderr).toBe(
      'Error from server (Conflict): Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again\n',
    );
    expect(saveEdit(cluster.api, EDIT_HEADER).stdout).toBe('Edit cancelled, saved file was empty.\n');
  });

  it('lets apply and replace take the edited YAML', () => {
    files['web.yaml'] = run('edit', 'deploy', 'web').edit!.replace('image: nginx:1.27', 'image: nginx:1.26');
    expect(run('replace', '-f', 'web.yaml')).toMatchObject({ stdout: 'deployment.apps/web replaced\n', exitCode: 0 });
    files['web.yaml'] = run('edit', 'deploy', 'web').edit!.replace('replicas: 1', 'replicas: 2');
    expect(run('apply', '-f', 'web.yaml')).toMatchObject({ stdout: 'deployment.apps/web configured\n', exitCode: 0 });
    expect(cluster.api.get('Deployment', 'default', 'web').spec).toMatchObject({ replicas: 2, template: { spec: { containers: [{ image: 'nginx:1.26' }] } } });
  });

  it.each([
    [['edit', 'deploy', 'nope'], 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    [['edit', 'deploy'], 'error: resource(s) were provided, but no name was specified\n'],
    [['replace', '-f', 'missing.yaml'], 'error: the path "missing.yaml" does not exist\n'],
  ])('%j', (argv, want) => {
    expect(run(...argv)).toMatchObject({ stderr: want, exitCode: 1 });
  });
});
