/** `kubectl get` for configmaps, secrets and serviceaccounts (reference §6.2). */
import { AGE, type KindPrinter } from '../columns';

const count = (m: unknown) => Object.keys((m as object) ?? {}).length;

/** ConfigMaps: NAME DATA AGE (DATA counts data and binaryData keys). */
export const configMapPrinter: KindPrinter = {
  kind: 'ConfigMap',
  columns: [{ header: 'DATA', cell: (c) => String(count(c.data) + count(c.binaryData)) }, AGE],
};

/** Secrets: NAME TYPE DATA AGE. */
export const secretPrinter: KindPrinter = {
  kind: 'Secret',
  columns: [{ header: 'TYPE', cell: (s) => s.type ?? 'Opaque' }, { header: 'DATA', cell: (s) => String(count(s.data) + count(s.stringData)) }, AGE],
};

/** ServiceAccounts: NAME SECRETS AGE. */
export const serviceAccountPrinter: KindPrinter = {
  kind: 'ServiceAccount',
  columns: [{ header: 'SECRETS', cell: (s) => String((s.secrets ?? []).length) }, AGE],
};
