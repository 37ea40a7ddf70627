/** One pod as a small clickable chip (the map's node cards and the large map's node detail). */
import { memo } from 'react';
import { useExplain } from '../state/explain';
import { useMirror } from '../state/store';
import type { PodChip } from './model';

export const Chip = memo(function Chip({ chip }: { chip: PodChip }) {
  const select = useMirror((s) => s.select);
  const selected = useMirror((s) => s.selection?.kind === 'Pod' && s.selection.name === chip.name && s.selection.namespace === chip.namespace);
  const flashSeq = useExplain((s) => (s.flash?.podUid === chip.uid ? s.flash.seq : 0));
  return (
    <button
      className={`chip tone-${chip.tone}${selected ? ' selected' : ''}${flashSeq ? ' just-bound' : ''}`}
      data-testid="pod-chip"
      data-pod={chip.name}
      data-status={chip.status}
      data-node={chip.nodeName ?? ''}
      title={`${chip.name} — ${chip.status} (${chip.ready})`}
      onClick={(e) => {
        e.stopPropagation();
        select({ kind: 'Pod', namespace: chip.namespace, name: chip.name });
      }}
    >
      <span className="chip-dot" aria-hidden />
      <span className="chip-name">{chip.shortName}</span>
      <span className="chip-status">{chip.status}</span>
    </button>
  );
});
