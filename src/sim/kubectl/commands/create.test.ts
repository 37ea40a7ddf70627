import { beforeEach, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../cluster';
import { kubectl } from '../kubectl';

let cluster: Cluster;
const run = (...argv: string[]) => kubectl({ cluster, files: { 'app.conf': 'port=80\n', 'pod.yaml': POD } }, argv);
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: from-file\nspec:\n  containers:\n  - name: c\n    image: nginx\n';

beforeEach(() => {
  cluster = createCluster({ seed: 1 });
});

describe('kubectl create', () => {
  it.each([
    [['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=3'], 'deployment.apps/web created\n'],
    [['create', 'deploy', 'api', '--image=nginx', '--port=8080'], 'deployment.apps/api created\n'],
    [['create', 'service', 'clusterip', 'web', '--tcp=80:8080'], 'service/web created\n'],
    [['create', 'service', 'nodeport', 'web', '--tcp=80:8080', '--node-port=30080'], 'service/web created\n'],
    [['create', 'namespace', 'team-a'], 'namespace/team-a created\n'],
    [['create', 'ns', 'team-b'], 'namespace/team-b created\n'],
    [['create', '-f', 'pod.yaml'], 'pod/from-file created\n'],
    [['run', 'web', '--image=nginx'], 'pod/web created\n'],
    [['expose', 'deployment', 'web', '--port=80'], 'Error from server (NotFound): deployments.apps "web" not found\n'],
  ])('%j', (argv, want) => {
    const r = run(...argv);
    expect(r.stdout + r.stderr).toBe(want);
  });

  it('builds the Deployment kubectl builds', () => {
    run('create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=3', '--port=80');
    const d = cluster.api.get('Deployment', 'default', 'web');
    expect(d.metadata.labels).toEqual({ app: 'web' });
    expect(d.spec.selector).toEqual({ matchLabels: { app: 'web' } });
    expect(d.spec.replicas).toBe(3);
    expect(d.spec.template.metadata.labels).toEqual({ app: 'web' });
    expect(d.spec.template.spec.containers).toMatchObject([{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }]);
  });

  it('prints the object for --dry-run=client -o yaml and creates nothing', () => {
    const r = run('create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'yaml');
    expect(r.stdout).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: web
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`);
    expect(cluster.api.tryGet('Deployment', 'default', 'web')).toBeUndefined();
  });

  it('names the container after the image, sanitising dots and underscores', () => {
    run('create', 'deployment', 'x', '--image=gcr.io/org/my_app:1.0');
    const [c] = cluster.api.get('Deployment', 'default', 'x').spec.template.spec.containers;
    expect(c.name).toMatch(/^my-app-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it.each([
    [['create', 'deployment', 'web', '--image=nginx'], 'error: failed to create deployment: deployments.apps "web" already exists\n'],
    [['create', 'service', 'clusterip', 'web', '--tcp=80'], 'error: failed to create ClusterIP service: services "web" already exists\n'],
    [['create', 'namespace', 'default'], 'Error from server (AlreadyExists): namespaces "default" already exists\n'],
    [['run', 'web', '--image=nginx'], 'Error from server (AlreadyExists): pods "web" already exists\n'],
    [['create', '-f', 'pod.yaml'], 'Error from server (AlreadyExists): error when creating "pod.yaml": pods "from-file" already exists\n'],
  ])('AlreadyExists: %j', (argv, want) => {
    run('create', 'deployment', 'web', '--image=nginx');
    run('create', 'service', 'clusterip', 'web', '--tcp=80');
    run('run', 'web', '--image=nginx');
    run('create', '-f', 'pod.yaml');
    const r = run(...argv);
    expect(r).toMatchObject({ stdout: '', stderr: want, exitCode: 1 });
  });

  it.each([
    [['create', 'deployment', 'web'], 'error: required flag(s) "image" not set\n'],
    [['create', 'deployment', '--image=nginx'], "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n"],
    [['create', 'cronjob', 'c', '--image=busybox'], 'error: required flag(s) "schedule" not set\n'],
    [['run', 'web'], "error: --image is required\nSee 'kubectl run -h' for help and examples\n"],
    [['create'], "error: must specify one of -f and -k\n\nSee 'kubectl create -h' for help and examples\n"],
  ])('usage error: %j', (argv, want) => {
    expect(run(...argv)).toMatchObject({ stderr: want, exitCode: 1 });
  });

  it('builds the pod kubectl run builds', () => {
    run('run', 'box', '--image=busybox', '--restart=Never', '--port=8080', '--labels=app=box,tier=x', '--env=A=1', '--', 'sleep', '3600');
    const p = cluster.api.get('Pod', 'default', 'box');
    expect(p.metadata.labels).toEqual({ app: 'box', tier: 'x' });
    expect(p.spec.restartPolicy).toBe('Never');
    expect(p.spec.containers[0]).toMatchObject({ name: 'box', image: 'busybox', args: ['sleep', '3600'], env: [{ name: 'A', value: '1' }], ports: [{ containerPort: 8080 }] });
  });

  it('builds a configmap from literals and files', () => {
    expect(run('create', 'configmap', 'cfg', '--from-literal=a=1', '--from-file=app.conf').stdout).toBe('configmap/cfg created\n');
  });

  it('exposes a deployment with its selector, labels and container ports', () => {
    run('create', 'deployment', 'web', '--image=nginx', '--port=80');
    expect(run('expose', 'deployment', 'web', '--target-port=80', '--type=NodePort').stdout).toBe('service/web exposed\n');
    const svc = cluster.api.get('Service', 'default', 'web');
    expect(svc.metadata.labels).toEqual({ app: 'web' });
    expect(svc.spec).toMatchObject({ selector: { app: 'web' }, type: 'NodePort', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] });
    expect(run('expose', 'deploy/web', '--port=8080', '--name=web2').stdout).toBe('service/web2 exposed\n');
    run('run', 'bare', '--image=nginx');
    expect(run('expose', 'pod', 'bare').stderr).toBe("error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n");
  });
});
