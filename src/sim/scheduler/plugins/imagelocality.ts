/**
 * ImageLocality (reference §2.4): prefers nodes that already have the pod's
 * images, by image size scaled by how many nodes have it (so an image on every
 * node counts little), clamped to [23 MiB, 1000 MiB × containers]. Weight 1.
 * Names are matched as written after adding `:latest` to untagged ones, so
 * `nginx:1.27` does not match a node's `docker.io/library/nginx:1.27`, as upstream.
 */
import type { Pod } from '../../api/types';
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

/** What PreScore counts once: how many nodes have each image, and the node count. */
interface ImageSpread {
  nodesWithImage: ReadonlyMap<string, number>;
  totalNodes: number;
  /** The pod's containers' image names (init containers first), normalised; set by PreScore. */
  images?: string[];
}

/**
 * How many nodes of the snapshot hold each image: the cache keeps this count
 * as nodes change (upstream's ImageStateSummary.NumNodes), so nothing is recounted per cycle.
 */
export function imageSpread(snapshot: Snapshot): ImageSpread {
  return { nodesWithImage: snapshot.imageNodeCounts(), totalNodes: snapshot.nodes.length };
}

function podImages(pod: Pod): string[] {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => normalizedImageName(c.image ?? ''));
}

/** Maps the summed image score to 0..100 between the thresholds. */
export function calculatePriority(sum: number, numContainers: number): number {
  const max = MAX_CONTAINER_THRESHOLD * numContainers;
  const clamped = Math.min(max, Math.max(MIN_THRESHOLD, sum));
  return Math.floor((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
}

/** The node's score for the pod: per container whose image is on the node, size × share of nodes having it. */
export function imageLocalityScore(pod: Pod, nodeInfo: NodeInfo, spread: ImageSpread): number {
  const images = nodeInfo.imageSizes;
  const names = spread.images ?? podImages(pod);
  let sum = 0;
  for (const name of names) {
    const size = images.get(name);
    if (size === undefined) continue;
    sum += Math.floor(size * ((spread.nodesWithImage.get(name) ?? 0) / spread.totalNodes));
  }
  return calculatePriority(sum, names.length);
}

/** The ImageLocality score plugin. */
export const imageLocality = {
  name: NAME,
  weight: WEIGHT,
  preScore: (pod: Pod, _feasible: readonly NodeInfo[], snapshot: Snapshot, state: CycleState) =>
    state.write(NAME, { ...imageSpread(snapshot), images: podImages(pod) } satisfies ImageSpread),
  score: (pod: Pod, nodeInfo: NodeInfo, state: CycleState) => imageLocalityScore(pod, nodeInfo, state.read<ImageSpread>(NAME)!),
} satisfies ScorePlugin;
