import { describe, expect, it } from 'vitest';
import type { ContainerStatus } from '../api/types';
import { computePhase, kubeletConditions } from './podstatus';

const running: ContainerStatus = { name: 'c', image: 'x', imageID: '', ready: true, restartCount: 0, state: { running: { startedAt: 't' } } };
const exited = (code: number): ContainerStatus => ({ name: 'c', image: 'x', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: code } } });
const waiting: ContainerStatus = { name: 'c', image: 'x', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } };
const crashLooping: ContainerStatus = { ...waiting, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1 } } };

describe('computePhase (§4.1)', () => {
  it.each([
    ['waiting', 'Always', [waiting], false, 'Pending'],
    ['running', 'Always', [running], false, 'Running'],
    ['crash loop', 'Always', [crashLooping], false, 'Running'],
    ['exit 0, Always', 'Always', [exited(0)], false, 'Running'],
    ['exit 0, OnFailure', 'OnFailure', [exited(0)], false, 'Succeeded'],
    ['exit 1, Never', 'Never', [exited(1)], false, 'Failed'],
    ['exit 1, OnFailure', 'OnFailure', [exited(1)], false, 'Running'],
    ['deleted, exit 0', 'Always', [exited(0)], true, 'Succeeded'],
    ['deleted, exit 137', 'Always', [exited(137)], true, 'Failed'],
  ] as const)('%s', (_name, restartPolicy, statuses, terminating, phase) => {
    expect(computePhase({ restartPolicy, containerCount: 1, initStatuses: [], statuses: [...statuses], terminating })).toBe(phase);
  });

  it('fails a pod whose init container failed with restartPolicy Never', () => {
    expect(computePhase({ restartPolicy: 'Never', containerCount: 1, initStatuses: [exited(1)], statuses: [waiting], terminating: false })).toBe('Failed');
  });
});

describe('kubeletConditions (§4.3)', () => {
  it('lists unready containers Go-style', () => {
    const conds = kubeletConditions({ phase: 'Pending', sandboxReady: true, initStatuses: [], statuses: [{ ...waiting, name: 'web' }, { ...waiting, name: 'db' }] });
    expect(conds.map((c) => c.type)).toEqual(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady']);
    expect(conds[2]).toEqual({ type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web db]' });
  });
});
