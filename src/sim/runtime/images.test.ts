import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { parseImageRef, pullDurationMs, resolvePull } from './images';

describe('parseImageRef', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['bitnami/redis:7.2', 'docker.io/bitnami/redis:7.2'],
    ['gcr.io/google-samples/hello-app:1.0', 'gcr.io/google-samples/hello-app:1.0'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    [`nginx@sha256:${'a'.repeat(64)}`, `docker.io/library/nginx@sha256:${'a'.repeat(64)}`],
  ])('%s normalises to %s', (raw, normalized) => {
    expect(parseImageRef(raw)?.normalized).toBe(normalized);
  });

  it.each(['Nginx', 'nginx:', 'nginx@sha256:xyz', ' nginx', ''])('rejects %j', (raw) => {
    expect(parseImageRef(raw)).toBeUndefined();
  });
});

describe('resolvePull', () => {
  it.each([
    ['nginx:1.27', true, 'docker.io/library/nginx:1.27'],
    ['busybox', true, 'docker.io/library/busybox:latest'],
    ['registry.k8s.io/pause:3.10', true, 'registry.k8s.io/pause:3.10'],
    ['gcr.io/google-samples/hello-app:1.0', true, 'gcr.io/google-samples/hello-app:1.0'],
    ['ghcr.io/org/app:v2', true, 'ghcr.io/org/app:v2'],
    ['docker.io/someorg/app:1.2', true, 'docker.io/someorg/app:1.2'],
    ['quay.io/prometheus/node-exporter:v1.8.2', true, 'quay.io/prometheus/node-exporter:v1.8.2'],
    ['ngnix', false, 'pull access denied, repository does not exist or may require authorization'],
    ['nginx:9.99', false, 'docker.io/library/nginx:9.99: not found'],
    ['myregistry.internal/app:1', false, 'no such host'],
  ])('%s -> ok=%s (%s)', (image, ok, detail) => {
    const r = resolvePull(image);
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.image.ref.normalized).toBe(detail);
    else expect(r.error).toContain(detail);
  });

  it('knows the real size of nginx:1.27 and a generic server for unknown real images', () => {
    const nginx = resolvePull('nginx:1.27');
    expect(nginx.ok && nginx.image.sizeBytes).toBe(72099410);
    const app = resolvePull('gcr.io/google-samples/hello-app:1.0');
    expect(app.ok && app.image.catalog).toBeUndefined();
  });

  it('pulls tens of MB per second', () => {
    const ms = pullDurationMs(72_099_410, new Rng(1));
    expect(ms).toBeGreaterThan(1_000);
    expect(ms).toBeLessThan(4_500);
  });
});
