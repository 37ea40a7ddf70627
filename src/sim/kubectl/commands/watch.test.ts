import { describe, expect, it } from 'vitest';
import { kubectl } from '../kubectl';
import { watchGet } from './get';
import { scenario } from './testing/scenario';

describe('kubectl get -w', () => {
  it('prints the table, then one row per change, each padded on its own', () => {
    const { cluster, run } = scenario();
    const ctx = { cluster };
    const w = watchGet(ctx, ['get', 'pods', '-w'], (argv) => kubectl(ctx, argv));
    expect(w.initial.stdout).toBe(run('kubectl get pods').stdout);
    const lines: string[] = [];
    const stop = cluster.store.subscribe((change) => {
      const line = w.onChange(change);
      if (line) lines.push(line);
    });
    run('kubectl delete pod nginx-6466b85b6d-6p68m --wait=false');
    cluster.runFor(2_000);
    stop();
    expect(lines[0]).toBe('nginx-6466b85b6d-6p68m   1/1   Terminating   0     60s\n');
    expect(lines.every((l) => !l.startsWith('NAME'))).toBe(true);
  });
});
