/**
 * Resource quantities ("500m", "2", "128Mi", "1G") as Kubernetes writes them.
 * CPU is handled in millicores, everything else in plain units (bytes, counts).
 */

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const QUANTITY = /^([+-]?[0-9.]+)(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$/;

/** True when `value` is a well-formed quantity. */
export function isQuantity(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && QUANTITY.test(value.trim());
}

/** The quantity as a number of base units (cores, bytes, pods). Throws on a malformed quantity. */
export function parseQuantity(value: string | number): number {
  if (typeof value === 'number') return value;
  const m = QUANTITY.exec(value.trim());
  if (!m) throw new Error(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
  const num = Number(m[1]);
  if (m[2]) return num * 10 ** Number(m[2].slice(1));
  const suffix = m[3] ?? '';
  return num * (BINARY[suffix] ?? DECIMAL[suffix]);
}

/** CPU in millicores ("500m" → 500, "2" → 2000), rounded up as Kubernetes does. */
export function cpuMillis(value: string | number | undefined): number {
  return value === undefined ? 0 : Math.ceil(parseQuantity(value) * 1000 - 1e-9);
}

/** A count of bytes (or other integer units) from a quantity, rounded up. */
export function units(value: string | number | undefined): number {
  return value === undefined ? 0 : Math.ceil(parseQuantity(value) - 1e-9);
}

/** Formats millicores as Kubernetes prints them: "1500m", "2". */
export function formatCpu(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

/** Formats bytes in the largest binary unit that divides them exactly: "128Mi", "8Gi". */
export function formatBytes(bytes: number): string {
  for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
    const size = BINARY[suffix];
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${suffix}`;
  }
  return String(bytes);
}
