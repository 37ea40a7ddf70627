/** Writing a controller's status: only when it changed, retrying once on a stale cache. */
import { clone, type ApiServer } from '../../apiserver/apiserver';
import { isReason } from '../../apiserver/errors';
import type { KubeObject } from '../../api/types';
import { deepEqual } from './stable-json';

/**
 * Writes `status` onto `obj` through the status subresource when it differs from
 * what `obj` has. On a Conflict (our cached copy was stale) it re-reads once.
 * Returns the stored object (or `obj` when nothing was written).
 */
export function writeStatusIfChanged<T extends KubeObject>(api: ApiServer, obj: T, status: unknown): T {
  if (deepEqual(obj.status, status)) return obj;
  const next = clone(obj);
  next.status = clone(status);
  try {
    return api.updateStatus(next);
  } catch (err) {
    if (!isReason(err, 'Conflict')) throw err;
    const fresh = clone(api.get<T>(obj.kind, obj.metadata.namespace, obj.metadata.name));
    if (fresh.metadata.uid !== obj.metadata.uid) return obj;
    fresh.status = clone(status);
    return api.updateStatus(fresh);
  }
}
