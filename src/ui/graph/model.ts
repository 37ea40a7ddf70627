/** Derives what the cluster map draws from the mirrored objects (pure functions, no React). */
import type { PlainObject } from '../../worker/protocol';
import { podRow, podTone, type PodTone } from '../format/podStatus';

export interface PodChip {
  uid: string;
  name: string;
  namespace: string;
  shortName: string;
  status: string;
  ready: string;
  tone: PodTone;
  nodeName: string | null;
}

export interface NodeCard {
  name: string;
  ready: boolean;
  alive: boolean;
  controlPlane: boolean;
  unschedulable: boolean;
  zone: string;
  pods: PodChip[];
}

/** `web-5d8c7b6f4-x2k9p` -> `web-x2k9p`: the template hash is the same for every pod of a rollout. */
export function shortPodName(pod: PlainObject): string {
  const name = pod.metadata.name;
  const hash = (pod.metadata.labels as Record<string, string> | undefined)?.['pod-template-hash'];
  if (hash && name.includes(`-${hash}-`)) return name.replace(`-${hash}-`, '-');
  return name;
}

/** `web-64d79b7b67-k4q2v` -> `web-k4q2v` from the name alone (scheduler records carry no labels). */
export function compactPodName(name: string): string {
  return name.replace(/^(.+)-[a-z0-9]{6,10}-([a-z0-9]{5})$/, '$1-$2');
}

export function toChip(pod: PlainObject): PodChip {
  const row = podRow(pod);
  return {
    uid: String(pod.metadata.uid ?? pod.metadata.name),
    name: pod.metadata.name,
    namespace: pod.metadata.namespace ?? 'default',
    shortName: shortPodName(pod),
    status: row.status,
    ready: row.ready,
    tone: podTone(pod, row),
    nodeName: pod.spec?.nodeName ?? null,
  };
}

/** True when the node's Ready condition is True (kubectl's Ready / NotReady). */
export function nodeReady(node: PlainObject | undefined): boolean {
  const conds = (node?.status?.conditions ?? []) as { type: string; status: string }[];
  return conds.some((c) => c.type === 'Ready' && c.status === 'True');
}

export function isControlPlane(node: PlainObject): boolean {
  const labels = (node.metadata.labels ?? {}) as Record<string, string>;
  return 'node-role.kubernetes.io/control-plane' in labels;
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Keeps what it built between calls so that unchanged pods keep their chip object and
 * unchanged nodes their card object: memoised components then skip them, and a batch that
 * touches a few pods re-renders a few chips, not the whole map.
 */
export class MapCache {
  private chips = new WeakMap<PlainObject, PodChip>();
  private cards = new Map<string, NodeCard>();
  private pending: PodChip[] = [];

  chip(pod: PlainObject): PodChip {
    let c = this.chips.get(pod);
    if (!c) this.chips.set(pod, (c = toChip(pod)));
    return c;
  }

  /** The previous card when nothing in it changed, else `next`. */
  card(next: NodeCard): NodeCard {
    const prev = this.cards.get(next.name);
    const same =
      prev &&
      prev.ready === next.ready &&
      prev.alive === next.alive &&
      prev.controlPlane === next.controlPlane &&
      prev.unschedulable === next.unschedulable &&
      prev.zone === next.zone &&
      sameList(prev.pods, next.pods);
    const out = same ? prev : next;
    this.cards.set(next.name, out);
    return out;
  }

  pendingList(next: PodChip[]): PodChip[] {
    if (!sameList(this.pending, next)) this.pending = next;
    return this.pending;
  }
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Node cards (sorted by name, control plane first) and the pods no node holds yet. */
export function buildMap(
  nodes: Record<string, PlainObject>,
  pods: Record<string, PlainObject>,
  nodesAlive: Record<string, boolean>,
  controlPlaneNodes: string[] = [],
  cache?: MapCache,
): { cards: NodeCard[]; pending: PodChip[] } {
  const names = new Set([...Object.values(nodes).map((n) => n.metadata.name), ...Object.keys(nodesAlive)]);
  const byNode = new Map<string, PodChip[]>();
  const pending: PodChip[] = [];
  for (const pod of Object.values(pods)) {
    const chip = cache ? cache.chip(pod) : toChip(pod);
    if (chip.nodeName) {
      let list = byNode.get(chip.nodeName);
      if (!list) byNode.set(chip.nodeName, (list = []));
      list.push(chip);
    } else pending.push(chip);
  }
  const cards: NodeCard[] = [];
  for (const name of names) {
    const node = nodes[`/${name}`];
    const labels = (node?.metadata.labels ?? {}) as Record<string, string>;
    const card: NodeCard = {
      name,
      ready: nodeReady(node),
      alive: nodesAlive[name] ?? true,
      controlPlane: controlPlaneNodes.includes(name) || (node ? isControlPlane(node) : false),
      unschedulable: !!node?.spec?.unschedulable,
      zone: labels['topology.kubernetes.io/zone'] ?? '',
      pods: (byNode.get(name) ?? []).sort(byName),
    };
    cards.push(cache ? cache.card(card) : card);
  }
  cards.sort((a, b) => Number(b.controlPlane) - Number(a.controlPlane) || byName(a, b));
  pending.sort(byName);
  return { cards, pending: cache ? cache.pendingList(pending) : pending };
}
