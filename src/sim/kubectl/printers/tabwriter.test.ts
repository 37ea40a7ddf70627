import { describe, expect, it } from 'vitest';
import { DESCRIBE_TABWRITER, formatRows, tabwrite } from './tabwriter';

describe('tabwriter (Go text/tabwriter as kubectl configures it)', () => {
  it('pads every column to its widest cell plus 3, the last column unpadded', () => {
    expect(formatRows([['NAME', 'READY', 'STATUS'], ['web-1', '1/1', 'Running']])).toBe('NAME    READY   STATUS\nweb-1   1/1     Running\n');
  });

  it('keeps a minimum cell width of 6', () => {
    expect(formatRows([['A', 'B'], ['1', '2']])).toBe('A     B\n1     2\n');
  });

  it('aligns describe sections block by block', () => {
    const text = 'Name:\tweb\nNamespace:\tdefault\nIPs:\n  IP:\t10.0.0.1\nControlled By:\tReplicaSet/web\nContainers:\n';
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe(
      'Name:       web\nNamespace:  default\nIPs:\n  IP:           10.0.0.1\nControlled By:  ReplicaSet/web\nContainers:\n',
    );
  });

  it('treats a trailing-space cell like any other cell', () => {
    expect(tabwrite('Conditions:\n  Type\tStatus\n  Ready \tTrue \n', DESCRIBE_TABWRITER)).toBe('Conditions:\n  Type    Status\n  Ready   True \n');
  });
});
