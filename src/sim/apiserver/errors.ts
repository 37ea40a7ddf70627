/**
 * API errors as Kubernetes `Status` objects (reference §1.3), thrown as ApiError.
 */
import type { Status, StatusCause } from 'kubernetes-types/meta/v1';
import { qualifiedKind, qualifiedResource, type ResourceInfo } from '../api/resources';

/** An API call that failed; `status` is the Status object the server returns. */
export class ApiError extends Error {
  constructor(readonly status: Status & { reason: string; code: number; message: string }) {
    super(status.message);
    this.name = 'ApiError';
  }

  get reason(): string {
    return this.status.reason;
  }

  get code(): number {
    return this.status.code;
  }
}

function failure(code: number, reason: string, message: string, details?: Status['details']): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code });
}

/** 404: `pods "web" not found`. */
export function notFound(info: ResourceInfo, name: string): ApiError {
  return failure(404, 'NotFound', `${qualifiedResource(info)} "${name}" not found`, { name, group: info.group || undefined, kind: info.resource });
}

/** 409: `pods "web" already exists`. */
export function alreadyExists(info: ResourceInfo, name: string): ApiError {
  return failure(409, 'AlreadyExists', `${qualifiedResource(info)} "${name}" already exists`, { name, group: info.group || undefined, kind: info.resource });
}

/** 409: the optimistic-concurrency conflict on a stale resourceVersion. */
export function conflict(info: ResourceInfo, name: string): ApiError {
  return failure(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(info)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, group: info.group || undefined, kind: info.resource },
  );
}

/** 403: `pods "x" is forbidden: <why>`. */
export function forbidden(info: ResourceInfo, name: string, why: string): ApiError {
  const subject = name ? `${qualifiedResource(info)} "${name}"` : qualifiedResource(info);
  return failure(403, 'Forbidden', `${subject} is forbidden: ${why}`, { name, group: info.group || undefined, kind: info.resource });
}

/** 400 with free text. */
export function badRequest(message: string): ApiError {
  return failure(400, 'BadRequest', message);
}

/** 405: a verb the resource does not serve (deletecollection on namespaces). */
export function methodNotAllowed(): ApiError {
  return failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
}

/** 422 for a patch that cannot be applied, with the patch library's reason as the cause. */
export function patchNotApplied(why: string): ApiError {
  return failure(422, 'Invalid', 'the server rejected our request due to an error in our request', {
    causes: [{ reason: 'UnexpectedServerResponse', message: why }],
  });
}

/** One field error, rendered as apimachinery's field.Error does. */
export interface FieldError {
  type: 'FieldValueRequired' | 'FieldValueInvalid' | 'FieldValueNotSupported' | 'FieldValueForbidden' | 'FieldValueTooLong' | 'FieldValueDuplicate';
  field: string;
  value?: unknown;
  detail?: string;
}

const TYPE_TEXT: Record<FieldError['type'], string> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueDuplicate: 'Duplicate value',
};

const OMITS_VALUE = new Set<FieldError['type']>(['FieldValueRequired', 'FieldValueForbidden', 'FieldValueTooLong']);

function renderValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** The body of a field error: `Invalid value: "Bad_Name": <detail>`. */
export function fieldErrorBody(e: FieldError): string {
  const parts = [TYPE_TEXT[e.type]];
  if (!OMITS_VALUE.has(e.type)) parts.push(renderValue(e.value));
  if (e.detail) parts.push(e.detail);
  return parts.join(': ');
}

/** 422: `Deployment.apps "x" is invalid: <errs>`, with one cause per field error. */
export function invalid(info: ResourceInfo, name: string, errs: FieldError[]): ApiError {
  const rendered = [...new Set(errs.map((e) => `${e.field}: ${fieldErrorBody(e)}`))];
  const causes: StatusCause[] = errs.map((e) => ({ reason: e.type, message: fieldErrorBody(e), field: e.field }));
  const summary = rendered.length === 1 ? rendered[0] : `[${rendered.join(', ')}]`;
  return failure(422, 'Invalid', `${qualifiedKind(info)} "${name}" is invalid: ${summary}`, {
    name,
    group: info.group || undefined,
    kind: info.kind,
    causes,
  });
}

/** True when `err` is an ApiError with the given reason. */
export function isReason(err: unknown, reason: string): boolean {
  return err instanceof ApiError && err.reason === reason;
}
