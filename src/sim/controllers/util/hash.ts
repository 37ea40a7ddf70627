/**
 * pod-template-hash (reference §1.2): FNV-32a of the pod template (plus the
 * collision count), written in decimal and mapped onto the safe alphabet.
 */
import { NAME_SUFFIX_ALPHABET } from '../../core/rng';
import type { PodTemplateSpec } from '../../api/types';
import { stableStringify } from './stable-json';

/** The label a Deployment adds to its ReplicaSets, their selectors and their pods. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a, 32 bit, over bytes. */
export function fnv32a(bytes: Iterable<number>, seed = FNV_OFFSET): number {
  let h = seed >>> 0;
  for (const b of bytes) {
    h ^= b & 0xff;
    h = Math.imul(h, FNV_PRIME) >>> 0;
  }
  return h >>> 0;
}

/** Maps every character onto the safe alphabet, as apimachinery's SafeEncodeString does. */
export function safeEncode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += NAME_SUFFIX_ALPHABET[s.charCodeAt(i) % NAME_SUFFIX_ALPHABET.length];
  return out;
}

/** The pod-template-hash of a template: up to 10 characters of `4-9bcdf`. */
export function computePodTemplateHash(template: PodTemplateSpec | undefined, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(stableStringify(template ?? {})));
  if (collisionCount !== undefined && collisionCount !== null) {
    // The collision count is fed in as 4 more bytes so a bump gives a new name.
    const c = collisionCount >>> 0;
    h = fnv32a([c & 0xff, (c >>> 8) & 0xff, (c >>> 16) & 0xff, (c >>> 24) & 0xff], h);
  }
  return safeEncode(String(h));
}
