import { describe, expect, it } from 'vitest';
import { podRow, podTone } from './podStatus';

const base = { metadata: { name: 'web-1' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } };

describe('podRow (kubectl get pods, printPod)', () => {
  const cases: [string, object, string, string, number][] = [
    ['unscheduled', { status: { phase: 'Pending' } }, '0/1', 'Pending', 0],
    ['pulling', { status: { phase: 'Pending', containerStatuses: [{ name: 'nginx', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] } }, '0/1', 'ContainerCreating', 0],
    ['running ready', { status: { phase: 'Running', containerStatuses: [{ name: 'nginx', ready: true, restartCount: 0, state: { running: {} } }] } }, '1/1', 'Running', 0],
    ['running not ready', { status: { phase: 'Running', containerStatuses: [{ name: 'nginx', ready: false, restartCount: 0, state: { running: {} } }] } }, '0/1', 'Running', 0],
    ['crash loop', { status: { phase: 'Running', containerStatuses: [{ name: 'nginx', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } } }] } }, '0/1', 'CrashLoopBackOff', 4],
    ['bad image', { status: { phase: 'Pending', containerStatuses: [{ name: 'nginx', ready: false, restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff' } } }] } }, '0/1', 'ImagePullBackOff', 0],
    ['completed', { status: { phase: 'Succeeded', containerStatuses: [{ name: 'nginx', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] } }, '0/1', 'Completed', 0],
    ['exit code without reason', { status: { phase: 'Failed', containerStatuses: [{ name: 'nginx', ready: false, restartCount: 0, state: { terminated: { exitCode: 3 } } }] } }, '0/1', 'ExitCode:3', 0],
    ['evicted', { status: { phase: 'Failed', reason: 'Evicted' } }, '0/1', 'Evicted', 0],
  ];
  it.each(cases)('%s', (_name, extra, ready, status, restarts) => {
    expect(podRow({ ...base, ...extra })).toEqual({ ready, status, restarts });
  });

  it('shows Terminating for a pod being deleted', () => {
    const pod = { ...base, metadata: { name: 'web-1', deletionTimestamp: '2026-01-01T09:00:00Z' }, status: { phase: 'Running', containerStatuses: [{ name: 'nginx', ready: true, restartCount: 0, state: { running: {} } }] } };
    expect(podRow(pod)).toEqual({ ready: '1/1', status: 'Terminating', restarts: 0 });
    expect(podTone(pod)).toBe('terminating');
  });

  it('shows Init:i/n while init containers run', () => {
    const pod = {
      metadata: { name: 'p' },
      spec: { initContainers: [{ name: 'a' }, { name: 'b' }], containers: [{ name: 'c' }] },
      status: { phase: 'Pending', initContainerStatuses: [{ name: 'a', restartCount: 0, state: { terminated: { exitCode: 0 } } }, { name: 'b', restartCount: 0, state: { running: {} } }] },
    };
    expect(podRow(pod).status).toBe('Init:1/2');
  });

  it('lets the first container in the spec win', () => {
    const pod = {
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'a' }, { name: 'b' }] },
      status: { phase: 'Running', containerStatuses: [
        { name: 'a', ready: false, restartCount: 1, state: { waiting: { reason: 'CrashLoopBackOff' } } },
        { name: 'b', ready: false, restartCount: 0, state: { waiting: { reason: 'ErrImagePull' } } },
      ] },
    };
    expect(podRow(pod)).toEqual({ ready: '0/2', status: 'CrashLoopBackOff', restarts: 1 });
  });

  it('gives each status a colour family', () => {
    expect(podTone({ ...base, status: { phase: 'Pending' } })).toBe('progress');
    expect(podTone({ ...base, status: { phase: 'Running', containerStatuses: [{ name: 'nginx', ready: true, state: { running: {} } }] } })).toBe('ok');
    expect(podTone({ ...base, status: { phase: 'Running', containerStatuses: [{ name: 'nginx', ready: false, state: { waiting: { reason: 'CrashLoopBackOff' } } }] } })).toBe('error');
  });
});
