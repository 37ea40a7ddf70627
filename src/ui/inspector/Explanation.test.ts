import { describe, expect, it } from 'vitest';
import type { SchedulingRecord } from '../../sim/scheduler/explain';
import { explainRows } from './Explanation';

describe('explainRows', () => {
  it('lists the chosen node first, then feasible nodes by score, then rejected nodes with the rejecting filter', () => {
    const record: SchedulingRecord = {
      podKey: 'default/web-1',
      podUid: 'u1',
      time: 0,
      selected: 'node-2',
      nodes: [
        { node: 'control-plane', filters: [{ plugin: 'NodeUnschedulable', code: 'Success', reasons: [] }, { plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: ["node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"] }], scores: [] },
        { node: 'node-1', filters: [{ plugin: 'NodeResourcesFit', code: 'Success', reasons: [] }], scores: [{ plugin: 'NodeResourcesFit', raw: 50, normalized: 50, weighted: 50 }], total: 150 },
        { node: 'node-2', filters: [{ plugin: 'NodeResourcesFit', code: 'Success', reasons: [] }], scores: [], total: 180 },
        { node: 'node-3', filters: [{ plugin: 'NodeResourcesFit', code: 'Success', reasons: [] }], scores: [], total: 160 },
      ],
    };
    const rows = explainRows(record);
    expect(rows.map((r) => [r.node, r.chosen, r.fits, r.total])).toEqual([
      ['node-2', true, true, 180],
      ['node-3', false, true, 160],
      ['node-1', false, true, 150],
      ['control-plane', false, false, null],
    ]);
    expect(rows[3].rejection).toBe('TaintToleration: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }');
    expect(rows[2].breakdown).toBe('NodeResourcesFit: 50');
  });
});
