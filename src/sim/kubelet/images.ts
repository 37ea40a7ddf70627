/**
 * The node's image service: its image cache (what is on disk) and serialised
 * pulls (serializeImagePulls, reference §0), with the kubelet's pull events
 * word for word (§4.11) and image-pull back-off (§4.2).
 */
import type { Container } from '../api/types';
import type { Rng } from '../core/rng';
import type { VirtualClock } from '../core/clock';
import { defaultPullPolicy } from '../apiserver/defaulting';
import { failedPullDurationMs, parseImageRef, pullDurationMs, resolvePull, type ResolvedImage } from '../runtime/images';
import { goDuration } from './duration';
import type { Backoff } from './backoff';
import type { NodeImage } from './nodestatus';

/** Reports one event about the container. */
export type EmitEvent = (type: 'Normal' | 'Warning', reason: string, message: string) => void;

/** The outcome of ensuring a container's image. */
export type EnsureImageResult =
  | { ok: true; image: ResolvedImage }
  | { ok: false; reason: 'ErrImagePull' | 'InvalidImageName' | 'ErrImageNeverPull'; message: string; retryAfterMs?: number };

/** Images every node has before any pod runs (the sandbox image). */
const PREPULLED = ['registry.k8s.io/pause:3.10'];

/** Pulls images for one node and remembers what it has. */
export class ImagePuller {
  private cache = new Map<string, { image: ResolvedImage; node: NodeImage }>();
  /** When the (serial) puller is free again, in virtual ms. */
  private freeAt = 0;

  constructor(
    private readonly clock: VirtualClock,
    private readonly rng: Rng,
    private readonly backoff: Backoff,
  ) {
    for (const name of PREPULLED) {
      const r = resolvePull(name);
      if (r.ok) this.remember(r.image);
    }
  }

  /** The images on the node, as status.images lists them. */
  images(): NodeImage[] {
    return [...this.cache.keys()].sort().map((k) => this.cache.get(k)!.node);
  }

  /** True when the image is on the node. */
  has(image: string): boolean {
    const ref = parseImageRef(image);
    return !!ref && this.cache.has(ref.normalized);
  }

  /** A reboot loses in-flight pulls, not the images on disk. */
  reset(): void {
    this.freeAt = 0;
  }

  private remember(image: ResolvedImage): void {
    this.cache.set(image.ref.normalized, { image, node: { names: [image.imageID, image.ref.normalized], sizeBytes: image.sizeBytes } });
  }

  /**
   * Makes sure the container's image is on the node, per imagePullPolicy, then
   * calls `done`. `schedule` runs the pull's delay on the caller's timers.
   */
  ensureImage(podUid: string, container: Container, emit: EmitEvent, schedule: (ms: number, fn: () => void) => void, done: (r: EnsureImageResult) => void): void {
    const image = container.image ?? '';
    const ref = parseImageRef(image);
    if (!ref) {
      const message = `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format`;
      emit('Warning', 'InspectFailed', message);
      emit('Warning', 'Failed', 'Error: InvalidImageName');
      done({ ok: false, reason: 'InvalidImageName', message });
      return;
    }
    const policy = container.imagePullPolicy ?? defaultPullPolicy(image);
    const cached = this.cache.get(ref.normalized);
    if (cached && policy !== 'Always') {
      emit('Normal', 'Pulled', `Container image "${image}" already present on machine`);
      done({ ok: true, image: cached.image });
      return;
    }
    if (!cached && policy === 'Never') {
      const message = `Container image "${image}" is not present with pull policy of Never`;
      emit('Warning', 'ErrImageNeverPull', message);
      emit('Warning', 'Failed', 'Error: ErrImageNeverPull');
      done({ ok: false, reason: 'ErrImageNeverPull', message });
      return;
    }
    emit('Normal', 'Pulling', `Pulling image "${image}"`);
    const result = resolvePull(image);
    const requestedAt = this.clock.now();
    const start = Math.max(requestedAt, this.freeAt);
    // With every layer already on disk, an Always pull only checks the manifest.
    const duration = !result.ok ? failedPullDurationMs(this.rng) : cached ? Math.round(this.rng.between(150, 600)) : pullDurationMs(result.image.sizeBytes, this.rng);
    this.freeAt = start + duration;
    schedule(this.freeAt - requestedAt, () => {
      const key = `${podUid}_${image}`;
      if (!result.ok) {
        emit('Warning', 'Failed', `Failed to pull image "${image}": ${result.error}`);
        emit('Warning', 'Failed', 'Error: ErrImagePull');
        done({ ok: false, reason: 'ErrImagePull', message: result.error, retryAfterMs: this.backoff.next(key, this.clock.now()) });
        return;
      }
      this.remember(result.image);
      const total = this.clock.now() - requestedAt;
      emit('Normal', 'Pulled', `Successfully pulled image "${image}" in ${goDuration(duration)} (${goDuration(total)} including waiting). Image size: ${result.image.sizeBytes} bytes.`);
      done({ ok: true, image: result.image });
    });
  }
}
