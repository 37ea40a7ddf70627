/**
 * The Deployment `kubectl create deployment` builds (kubectl's
 * create_deployment.go): labels and selector `app=<name>`, one container per
 * `--image`, named after the image.
 */
import type { Rng } from '../../core/rng';
import type { KubeObject } from '../../api/types';

/** What `kubectl create deployment` was given. */
export interface DeploymentParams {
  name: string;
  images: string[];
  replicas: number;
  /** `--port`, or -1 for none. */
  port: number;
  /** Arguments after `--`: the first container's command. */
  command: string[];
}

/**
 * The container name kubectl derives from an image: the last path segment
 * without tag or digest; `.` and `_` become `-` plus a random suffix, since
 * they are not allowed in a DNS-1123 label.
 */
export function containerNameForImage(image: string, rng: Rng): string {
  let name = image.slice(image.lastIndexOf('/') + 1);
  name = name.split('@')[0].split(':')[0];
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${rng.nameSuffix(5)}`;
  return name;
}

/** The Deployment object, as kubectl sends it (no status, empty strategy). */
export function buildDeployment(p: DeploymentParams, rng: Rng): KubeObject {
  const labels = { app: p.name };
  const containers = p.images.map((image) => ({ name: containerNameForImage(image, rng), image, resources: {} as Record<string, never> }));
  if (p.command.length && containers.length) Object.assign(containers[0], { command: p.command });
  if (p.port >= 0 && containers.length) Object.assign(containers[0], { ports: [{ containerPort: p.port }] });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: p.name, labels },
    spec: {
      replicas: p.replicas,
      selector: { matchLabels: { ...labels } },
      strategy: {},
      template: { metadata: { labels: { ...labels } }, spec: { containers } },
    },
  };
}
