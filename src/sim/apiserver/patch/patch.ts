/**
 * Dispatches a PATCH body to its patch type, turning the patch libraries'
 * failures into the Status the API server returns for them.
 */
import { badRequest, patchNotApplied } from '../errors';
import { applyMergePatch } from './merge-patch';
import { strategicMerge, StrategicPatchError } from './strategic-merge';
import { applyJsonPatch, JsonPatchError } from './json-patch';

/** The three patch types of `kubectl patch --type`. */
export type PatchType = 'merge' | 'strategic' | 'json';

/** Returns `target` with `patch` applied; `target` is not modified. */
export function applyPatch(target: unknown, type: PatchType, patch: unknown, kind: string): unknown {
  const body = typeof patch === 'string' ? parseBody(patch) : patch;
  switch (type) {
    case 'merge':
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest(`json: cannot unmarshal array into Go value of type map[string]interface {}`);
      return applyMergePatch(target, body);
    case 'strategic':
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest(`json: cannot unmarshal array into Go value of type map[string]interface {}`);
      try {
        return strategicMerge(target, body);
      } catch (e) {
        if (e instanceof StrategicPatchError) throw badRequest(e.message);
        throw e;
      }
    case 'json':
      if (!Array.isArray(body)) throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
      try {
        return applyJsonPatch(target, body);
      } catch (e) {
        if (e instanceof JsonPatchError) throw patchNotApplied(e.message);
        throw e;
      }
    default:
      throw badRequest(`unknown patch type for ${kind}: ${String(type)}`);
  }
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest(`error decoding patch: ${(e as Error).message}`);
  }
}
