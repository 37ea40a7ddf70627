/**
 * Coalesces store changes by object between two frames: the UI gets at most one change
 * per object, in the order objects last changed.
 */
import type { Change, PlainObject } from './protocol';

export class ChangeBuffer {
  private pending = new Map<string, Change>();

  get size(): number {
    return this.pending.size;
  }

  add(type: Change['type'], object: PlainObject): void {
    const key = `${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
    const prev = this.pending.get(key);
    this.pending.delete(key); // re-inserted below, so the map stays in change order
    if (prev?.type === 'ADDED' && type === 'DELETED') return; // born and gone within one frame
    this.pending.set(key, { type: prev?.type === 'ADDED' && type === 'MODIFIED' ? 'ADDED' : type, object });
  }

  /** The coalesced changes; empties the buffer. */
  drain(): Change[] {
    const out = [...this.pending.values()];
    this.pending.clear();
    return out;
  }

  clear(): void {
    this.pending.clear();
  }
}
