import { beforeEach, describe, expect, it } from 'vitest';
import { ApiServer } from '../apiserver/apiserver';
import { ObjectStore } from '../store/store';
import { VirtualClock } from '../core/clock';
import { Rng } from '../core/rng';
import { applyYaml, LAST_APPLIED } from './apply';

const deployment = (replicas: number, image = 'nginx:1.27') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ${image}
`;

let api: ApiServer;
beforeEach(() => {
  api = new ApiServer(new ObjectStore(), new VirtualClock(), new Rng(1));
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
});

const texts = (report: ReturnType<typeof applyYaml>) => report.lines.map((l) => l.text);

describe('kubectl apply', () => {
  it('creates, then reports unchanged, then configured', () => {
    expect(texts(applyYaml(api, deployment(3)))).toEqual(['deployment.apps/web created']);
    expect(texts(applyYaml(api, deployment(3)))).toEqual(['deployment.apps/web unchanged']);
    expect(texts(applyYaml(api, deployment(5)))).toEqual(['deployment.apps/web configured']);
    const live = api.get('Deployment', 'default', 'web');
    expect(live.spec.replicas).toBe(5);
    expect(live.metadata.generation).toBe(2);
    expect(JSON.parse(live.metadata.annotations![LAST_APPLIED]).spec.replicas).toBe(5);
  });

  it('removes a field that was dropped from the manifest but keeps server defaults', () => {
    applyYaml(api, deployment(3).replace('  replicas: 3\n', '  replicas: 3\n  minReadySeconds: 5\n'));
    expect(api.get('Deployment', 'default', 'web').spec.minReadySeconds).toBe(5);
    applyYaml(api, deployment(3));
    const live = api.get('Deployment', 'default', 'web');
    expect(live.spec.minReadySeconds).toBeUndefined();
    expect(live.spec.strategy.rollingUpdate.maxSurge).toBe('25%');
  });

  it('applies every document of a multi-document file', () => {
    const svc = `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n`;
    expect(texts(applyYaml(api, `${deployment(2)}---\n${svc}`))).toEqual(['deployment.apps/web created', 'service/web created']);
  });
});

describe('kubectl apply with bad input leaves the cluster unchanged', () => {
  it.each([
    {
      name: 'malformed YAML, reported at its line',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   labels: bad\n',
      want: /^error: error parsing STDIN: error converting YAML to JSON: yaml: line 5: /,
      marker: 4,
    },
    {
      name: 'an unknown kind',
      yaml: 'apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n',
      want: /^error: resource mapping not found for name: "x" namespace: "" from "STDIN": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first$/,
    },
    {
      name: 'a known kind in the wrong version',
      yaml: 'apiVersion: v1\nkind: Deployment\nmetadata:\n  name: x\n',
      want: /no matches for kind "Deployment" in version "v1"/,
    },
    {
      name: 'a missing name',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    a: b\nspec:\n  containers:\n  - name: c\n    image: nginx\n',
      want: /from server for: "STDIN": resource name may not be empty$/,
    },
    {
      name: 'an invalid name',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\nspec:\n  containers:\n  - name: c\n    image: nginx\n',
      want: /^The Pod "Bad_Name" is invalid: metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '\.', and must start and end with an alphanumeric character \(e\.g\. 'example\.com', regex used for validation is/,
    },
    {
      name: 'a missing image',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n',
      want: /^The Pod "p" is invalid: spec\.containers\[0\]\.image: Required value$/,
    },
    {
      name: 'a selector that does not match the template',
      yaml: deployment(1).replace('      app: web\n  template', '      app: other\n  template'),
      want: /^The Deployment "web" is invalid: spec\.template\.metadata\.labels: Invalid value: \{"app":"web"\}: `selector` does not match template `labels`$/,
    },
    {
      name: 'a namespace that does not exist',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: nope\nspec:\n  containers:\n  - name: c\n    image: nginx\n',
      want: /^Error from server \(NotFound\): error when creating "STDIN": namespaces "nope" not found$/,
    },
  ])('$name', ({ yaml, want, marker }) => {
    const before = api.store.resourceVersion;
    const report = applyYaml(api, yaml);
    expect(report.lines).toHaveLength(1);
    expect(report.lines[0].error).toBe(true);
    expect(report.lines[0].text).toMatch(want);
    if (marker) expect(report.markers[0].line).toBe(marker);
    expect(api.store.resourceVersion).toBe(before);
  });
});
