/**
 * Controller expectations (reference §3.1): after issuing creates or deletes, a
 * controller waits to see them in its watch before acting on the owner again,
 * so a stale cache never leads to duplicate pods. Expectations lapse after 5 min.
 */
import type { VirtualClock } from '../../core/clock';

/** ExpectationsTimeout of kube-controller-manager. */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000;

interface Pending {
  adds: Set<string>;
  deletes: Set<string>;
  setAt: number;
}

/** Pod keys each owner is waiting to observe being added or deleted. */
export class Expectations {
  private byOwner = new Map<string, Pending>();

  constructor(private readonly clock: VirtualClock) {}

  /** Records that `ownerKey` created `podKey` and waits to see it. */
  expectCreate(ownerKey: string, podKey: string): void {
    this.entry(ownerKey).adds.add(podKey);
  }

  /** Records that `ownerKey` deleted `podKey` and waits to see it go. */
  expectDelete(ownerKey: string, podKey: string): void {
    this.entry(ownerKey).deletes.add(podKey);
  }

  /** A pod appeared in the cache. Returns the owners whose expectations moved. */
  observeCreate(podKey: string): string[] {
    return this.observe(podKey, 'adds');
  }

  /** A pod got a deletionTimestamp or left the cache. */
  observeDelete(podKey: string): string[] {
    return this.observe(podKey, 'deletes');
  }

  /** True when the owner has nothing outstanding (or its expectations expired). */
  satisfied(ownerKey: string): boolean {
    const e = this.byOwner.get(ownerKey);
    if (!e) return true;
    if (e.adds.size === 0 && e.deletes.size === 0) return true;
    return this.clock.now() - e.setAt >= EXPECTATIONS_TIMEOUT_MS;
  }

  /** Forgets an owner (it was deleted, or the expectations expired). */
  clear(ownerKey: string): void {
    this.byOwner.delete(ownerKey);
  }

  private entry(ownerKey: string): Pending {
    let e = this.byOwner.get(ownerKey);
    if (!e || (e.adds.size === 0 && e.deletes.size === 0)) {
      e = { adds: new Set(), deletes: new Set(), setAt: this.clock.now() };
      this.byOwner.set(ownerKey, e);
    }
    return e;
  }

  private observe(podKey: string, which: 'adds' | 'deletes'): string[] {
    const owners: string[] = [];
    for (const [owner, e] of this.byOwner) if (e[which].delete(podKey)) owners.push(owner);
    return owners;
  }
}
