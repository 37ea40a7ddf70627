import { describe, expect, it } from 'vitest';
import { buildMap, MapCache, shortPodName } from './model';

const node = (name: string, ready: boolean, cp = false) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: cp ? { 'node-role.kubernetes.io/control-plane': '' } : {} },
  status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'Unknown' }] },
});
const pod = (name: string, nodeName?: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', uid: name, labels: { 'pod-template-hash': '5d8c7b6f4' } },
  spec: { nodeName, containers: [{ name: 'c' }] },
  status: { phase: 'Pending' },
});

describe('buildMap', () => {
  it('puts pods on their nodes and unscheduled ones in pending, control plane first', () => {
    const m = buildMap(
      { '/node-2': node('node-2', false), '/node-1': node('node-1', true), '/control-plane': node('control-plane', true, true) },
      { 'default/b': pod('b', 'node-1'), 'default/a': pod('a', 'node-1'), 'default/c': pod('c') },
      { 'control-plane': true, 'node-1': true, 'node-2': false },
    );
    expect(m.cards.map((c) => [c.name, c.ready, c.alive, c.pods.map((p) => p.name)])).toEqual([
      ['control-plane', true, true, []],
      ['node-1', true, true, ['a', 'b']],
      ['node-2', false, false, []],
    ]);
    expect(m.pending.map((p) => p.name)).toEqual(['c']);
  });

  it('shortens pod names by their template hash', () => {
    expect(shortPodName(pod('web-5d8c7b6f4-x2k9p'))).toBe('web-x2k9p');
    expect(shortPodName(pod('standalone'))).toBe('standalone');
  });
});

describe('MapCache', () => {
  it('keeps chips and cards of unchanged pods and nodes by reference', () => {
    const cache = new MapCache();
    const nodes = { '/node-1': node('node-1', true), '/node-2': node('node-2', true) };
    const a = pod('a', 'node-1');
    const b = pod('b', 'node-2');
    const first = buildMap(nodes, { 'default/a': a, 'default/b': b }, {}, [], cache);
    const b2 = { ...b, status: { phase: 'Running' } };
    const second = buildMap(nodes, { 'default/a': a, 'default/b': b2 }, {}, [], cache);
    expect(second.cards[0]).toBe(first.cards[0]);
    expect(second.cards[0].pods[0]).toBe(first.cards[0].pods[0]);
    expect(second.cards[1]).not.toBe(first.cards[1]);
    expect(second.pending).toBe(first.pending);
  });
});
