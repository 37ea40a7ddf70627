/**
 * Event recorder: writes core/v1 Events the way client-go's recorder does, with
 * de-duplication (an identical event bumps `count` and `lastTimestamp`).
 * See reference §4.11 and §6.5.
 */
import type { VirtualClock } from '../core/clock';
import type { Rng } from '../core/rng';
import { rfc3339 } from '../core/time';
import { clone, type ApiServer } from '../apiserver/apiserver';
import type { KubeObject } from '../api/types';

/** Who reports an event: `default-scheduler`, `kubelet` on a host, `replicaset-controller`... */
export interface EventSource {
  component: string;
  host?: string;
}

/** Event keys remembered for de-duplication (client-go's correlator keeps an LRU of 4096). */
const SEEN_LIMIT = 4096;

/** Records events for one component. */
export class EventRecorder {
  private seen = new Map<string, { namespace: string; name: string }>();

  constructor(
    private readonly api: ApiServer,
    private readonly clock: VirtualClock,
    private readonly rng: Rng,
    readonly source: EventSource,
  ) {}

  /** Records a Normal or Warning event about `obj` (optionally one of its containers, via fieldPath). */
  record(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void {
    const involved = {
      kind: obj.kind,
      namespace: obj.metadata.namespace,
      name: obj.metadata.name,
      uid: obj.metadata.uid,
      apiVersion: obj.apiVersion,
      resourceVersion: obj.metadata.resourceVersion,
      ...(fieldPath ? { fieldPath } : {}),
    };
    const namespace = obj.metadata.namespace || 'default';
    const key = [involved.uid, fieldPath ?? '', type, reason, message].join('\u0000');
    const now = rfc3339(this.clock);
    const previous = this.seen.get(key);
    if (previous) {
      // Most recently used last, so the oldest entry is the one forgotten.
      this.seen.delete(key);
      this.seen.set(key, previous);
      const existing = this.api.tryGet('Event', previous.namespace, previous.name);
      if (existing) {
        const next = clone(existing);
        next.count = (next.count ?? 1) + 1;
        next.lastTimestamp = now;
        next.involvedObject = involved;
        this.api.update(next);
        return;
      }
    }
    const name = `${obj.metadata.name}.${this.rng.hex(16)}`;
    try {
      this.api.create({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace },
        involvedObject: involved,
        reason,
        message,
        source: { ...this.source },
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        type,
        eventTime: null,
        reportingComponent: this.source.component,
        reportingInstance: this.source.host ?? '',
      });
      this.seen.delete(key);
      this.seen.set(key, { namespace, name });
      if (this.seen.size > SEEN_LIMIT) this.seen.delete(this.seen.keys().next().value!);
    } catch {
      // Events are best effort, as in client-go: a failed write never fails the caller.
    }
  }
}
