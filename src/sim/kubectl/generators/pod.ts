/**
 * The Pod `kubectl run` builds (kubectl's run.go with the pod generator):
 * label `run=<name>` unless `--labels`, one container named like the pod.
 */
import type { KubeObject } from '../../api/types';
import { UsageError } from '../flags';

/** What `kubectl run` was given. */
export interface RunParams {
  name: string;
  image: string;
  restart: 'Always' | 'OnFailure' | 'Never';
  /** `--port`, or -1. */
  port: number;
  labels?: string;
  env: string[];
  /** Arguments after `--`. */
  args: string[];
  /** `--command`: the arguments are the command rather than args. */
  command: boolean;
  imagePullPolicy?: string;
}

/** Parses `a=b,c=d` as kubectl run's `--labels` does. */
export function parseLabelList(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const i = pair.indexOf('=');
    if (i <= 0) throw new UsageError(`error: invalid label spec: ${pair}`);
    out[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return out;
}

/** The Pod object of `kubectl run`. */
export function buildRunPod(p: RunParams): KubeObject {
  const container: Record<string, unknown> = { name: p.name, image: p.image };
  if (p.args.length) container[p.command ? 'command' : 'args'] = p.args;
  if (p.env.length) {
    container.env = p.env.map((e) => {
      const i = e.indexOf('=');
      if (i <= 0) throw new UsageError(`error: invalid env: ${e}`);
      return { name: e.slice(0, i), value: e.slice(i + 1) };
    });
  }
  if (p.imagePullPolicy) container.imagePullPolicy = p.imagePullPolicy;
  if (p.port >= 0) container.ports = [{ containerPort: p.port }];
  container.resources = {};
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: p.name, labels: p.labels ? parseLabelList(p.labels) : { run: p.name } },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: p.restart },
  };
}
