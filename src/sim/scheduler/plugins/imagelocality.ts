/**
 * ImageLocality (reference §2.4): prefers nodes that already have the pod's
 * images, by image size scaled by how many nodes have it (so an image on every
 * node counts little), clamped to [23 MiB, 1000 MiB × containers]. Weight 1.
 * Names are matched as written after adding `:latest` to untagged ones, so
 * `nginx:1.27` does not match a node's `docker.io/library/nginx:1.27`, as upstream.
 */
import type { Node, Pod } from '../../api/types';
import { MAX_NODE_SCORE, type CycleState, type NodeInfo, type ScorePlugin, type Snapshot } from '../framework';

/** The plugin's name, as in the scheduler profile. */
export const NAME = 'ImageLocality';

/** The plugin's score weight in the default profile. */
export const WEIGHT = 1;

const MIB = 1024 * 1024;
/** Below this sum the score is 0 (minThreshold). */
export const MIN_THRESHOLD = 23 * MIB;
/** Per container, above this the score is 100 (maxContainerThreshold). */
export const MAX_CONTAINER_THRESHOLD = 1000 * MIB;

/** `name` with `:latest` added when it has no tag (a `:` after the last `/`). */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

/** Image name → size in bytes, from the node's status.images. */
function nodeImages(node: Node): Map<string, number> {
  const out = new Map<string, number>();
  for (const image of node.status?.images ?? []) {
    for (const name of image.names ?? []) out.set(name, image.sizeBytes ?? 0);
  }
  return out;
}

/** What PreScore counts once: how many nodes have each image, and the node count. */
interface ImageSpread {
  nodesWithImage: Map<string, number>;
  totalNodes: number;
}

/** Counts, over the whole snapshot, the nodes holding each image. */
export function imageSpread(snapshot: Snapshot): ImageSpread {
  const nodesWithImage = new Map<string, number>();
  for (const info of snapshot.nodes) {
    for (const name of nodeImages(info.node).keys()) nodesWithImage.set(name, (nodesWithImage.get(name) ?? 0) + 1);
  }
  return { nodesWithImage, totalNodes: snapshot.nodes.length };
}

/** Maps the summed image score to 0..100 between the thresholds. */
export function calculatePriority(sum: number, numContainers: number): number {
  const max = MAX_CONTAINER_THRESHOLD * numContainers;
  const clamped = Math.min(max, Math.max(MIN_THRESHOLD, sum));
  return Math.floor((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
}

/** The node's score for the pod: per container whose image is on the node, size × share of nodes having it. */
export function imageLocalityScore(pod: Pod, nodeInfo: NodeInfo, spread: ImageSpread): number {
  const images = nodeImages(nodeInfo.node);
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let sum = 0;
  for (const c of containers) {
    const name = normalizedImageName(c.image ?? '');
    const size = images.get(name);
    if (size === undefined) continue;
    sum += Math.floor(size * ((spread.nodesWithImage.get(name) ?? 0) / spread.totalNodes));
  }
  return calculatePriority(sum, containers.length);
}

/** The ImageLocality score plugin. */
export const imageLocality = {
  name: NAME,
  weight: WEIGHT,
  preScore: (_pod: Pod, _feasible: readonly NodeInfo[], snapshot: Snapshot, state: CycleState) => state.write(NAME, imageSpread(snapshot)),
  score: (pod: Pod, nodeInfo: NodeInfo, state: CycleState) => imageLocalityScore(pod, nodeInfo, state.read<ImageSpread>(NAME)!),
} satisfies ScorePlugin;
