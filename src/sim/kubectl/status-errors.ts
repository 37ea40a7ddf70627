/** How kubectl prints an API error (reference §1.3): `Error from server (NotFound): ...`. */
import { ApiError } from '../apiserver/errors';

/** The text kubectl prints for an error from `verb`-ing (e.g. "creating") a manifest from STDIN. */
export function formatApiError(err: unknown, verb: string): string {
  if (!(err instanceof ApiError)) return `error: ${(err as Error)?.message ?? String(err)}`;
  const s = err.status;
  if (s.reason === 'Invalid') {
    const causes = s.details?.causes ?? [];
    const kind = s.details?.kind ?? '';
    const name = s.details?.name ?? '';
    if (causes.length === 1) return `The ${kind} "${name}" is invalid: ${causes[0].field}: ${causes[0].message}`;
    return `The ${kind} "${name}" is invalid: \n${causes.map((c) => `* ${c.field}: ${c.message}`).join('\n')}`;
  }
  return `Error from server (${s.reason}): error when ${verb} "STDIN": ${s.message}`;
}
