/**
 * The kubelet of one node: registers the Node, keeps its Lease and status
 * fresh (reference §4.8), and runs the pods bound to it through one PodWorker
 * each (§4.1–4.7). stop() is the machine losing power: every timer and watch
 * ends and nothing more is written. start() after that is a reboot.
 */
import { Process, type Component, type ComponentContext } from '../system/component';
import type { NodeConfig } from '../cluster';
import { Informer } from '../client/informer';
import type { EventRecorder } from '../client/events';
import { clone } from '../apiserver/apiserver';
import { isReason } from '../apiserver/errors';
import { parseTimestamp, rfc3339, rfc3339Micro } from '../core/time';
import type { KubeObject } from '../api/types';
import { Backoff } from './backoff';
import { ImagePuller } from './images';
import type { KubeletHost } from './host';
import { PodWorker } from './podworker';
import { NODE_ANNOTATIONS, nodeInternalIP, nodePodCIDR, nodeStatus, type MachineIdentity } from './nodestatus';
import { fakeDigest } from '../runtime/images';

/** Lease duration, 40 s (nodeLeaseDurationSeconds). */
export const NODE_LEASE_DURATION_SECONDS = 40;
/** nodeStatusReportFrequency: the status is written at least this often even unchanged (5 min). */
export const NODE_STATUS_REPORT_MS = 5 * 60_000;
/** The namespace holding node leases. */
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

/** The simulated kubelet of one node. */
export class Kubelet implements Component {
  readonly id: string;
  readonly process: Process;
  /** Heartbeats (Lease renewal, node status) every nodeStatusUpdateFrequency, 10 s. */
  readonly periodMs = 10_000;
  /** Set by the actor system: asks this kubelet's actor for a work pass. */
  requestWork: () => void = () => {};
  private readonly recorder: EventRecorder;
  private readonly pods: Informer;
  private readonly images: ImagePuller;
  private readonly backoff = new Backoff();
  private workers = new Map<string, PodWorker>();
  private dirty = new Set<string>();
  private podIPs = new Map<string, string>();
  private lastIP = 1;
  private lastStatusWrite = Number.NEGATIVE_INFINITY;
  private lastReportedImages = '';
  private running = false;
  private bootCount = 0;
  private identity: MachineIdentity;

  constructor(
    private readonly ctx: ComponentContext,
    readonly node: NodeConfig,
  ) {
    this.id = `kubelet/${node.name}`;
    this.process = new Process(ctx);
    this.recorder = this.process.recorder({ component: 'kubelet', host: node.name });
    // The kubelet watches only its own pods (fieldSelector spec.nodeName=<node>).
    this.pods = new Informer(ctx.api, ctx.clock, ctx.rng, 'Pod', (pod) => pod.spec?.nodeName === node.name, node.name);
    this.pods.addHandlers({
      add: (pod) => this.enqueue(pod),
      update: (_old, pod) => this.enqueue(pod),
      delete: (pod) => this.enqueue(pod),
    });
    this.images = new ImagePuller(ctx.clock, ctx.rng, this.backoff);
    const machineID = fakeDigest(`machine:${node.name}`).slice(7, 39);
    this.identity = { machineID, systemUUID: machineID.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'), bootID: '' };
  }

  /** The machine boots: register, take the lease, list and run this node's pods. */
  start(): void {
    this.running = true;
    this.bootCount++;
    this.identity.bootID = `${fakeDigest(`boot:${this.node.name}:${this.bootCount}`).slice(7, 15)}-${this.ctx.rng.uuid().slice(9)}`;
    // Back-off state lived in the old process's memory.
    this.backoff.clear();
    this.images.reset();
    this.lastStatusWrite = Number.NEGATIVE_INFINITY;
    this.registerNode();
    this.renewLease();
    this.pods.start();
  }

  /** The machine dies: timers, watches and pod workers vanish; nothing more is written. */
  stop(): void {
    this.running = false;
    this.process.timers.cancelAll();
    this.pods.stop();
    this.process.informers.stopAll();
    for (const w of this.workers.values()) w.forget();
    this.workers.clear();
    this.dirty.clear();
    this.podIPs.clear();
  }

  /** Syncs every pod whose cache entry changed. */
  work(): void {
    if (!this.running) return;
    const keys = [...this.dirty].sort();
    this.dirty.clear();
    for (const key of keys) this.syncPod(key);
  }

  /** Heartbeats: renew the Lease; write node status when it changed or every 5 min. */
  tick(): void {
    if (!this.running) return;
    this.renewLease();
    this.updateNodeStatus(false);
  }

  /** Log lines of a container of a pod on this node (kubectl logs), or undefined if unknown. */
  containerLogs(namespace: string, pod: string, container: string, previous = false): string[] | undefined {
    return this.workers.get(`${namespace}/${pod}`)?.logs(container, previous);
  }

  private enqueue(pod: KubeObject): void {
    this.dirty.add(`${pod.metadata.namespace}/${pod.metadata.name}`);
    this.requestWork();
  }

  // ---- pods ----

  private host(): KubeletHost {
    return {
      api: this.ctx.api,
      clock: this.ctx.clock,
      rng: this.ctx.rng,
      timers: this.process.timers,
      recorder: this.recorder,
      backoff: this.backoff,
      hostIP: nodeInternalIP(this.node),
      allocatePodIP: (key) => this.allocatePodIP(key),
      releasePodIP: (key) => this.podIPs.delete(key),
      deletePod: (pod) => this.deletePod(pod),
    };
  }

  private syncPod(key: string): void {
    const pod = this.pods.get(key);
    let worker = this.workers.get(key);
    if (worker && (!pod || pod.metadata.uid !== worker.uid)) {
      worker.forget();
      this.workers.delete(key);
      this.podIPs.delete(key);
      worker = undefined;
    }
    if (!pod) return;
    const phase = pod.status?.phase;
    if (!worker) {
      if (phase === 'Succeeded' || phase === 'Failed') {
        // A finished pod being deleted has nothing left to stop.
        if (pod.metadata.deletionTimestamp) this.deletePod(pod);
        return;
      }
      if (pod.status?.podIP) this.podIPs.set(key, pod.status.podIP);
      worker = new PodWorker(this.host(), this.images, pod);
      this.workers.set(key, worker);
      worker.begin();
    }
    worker.update(pod);
  }

  private deletePod(pod: KubeObject): void {
    try {
      this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0, uid: pod.metadata.uid });
    } catch (err) {
      if (!isReason(err, 'NotFound') && !isReason(err, 'Conflict')) throw err;
    }
  }

  /** The next free address of the node's /24, as host-local IPAM hands them out. */
  private allocatePodIP(key: string): string {
    const existing = this.podIPs.get(key);
    if (existing) return existing;
    const prefix = nodePodCIDR(this.node).replace(/\.0\/24$/, '.');
    const used = new Set(this.podIPs.values());
    for (let i = 0; i < 253; i++) {
      this.lastIP = this.lastIP >= 254 ? 2 : this.lastIP + 1;
      const ip = `${prefix}${this.lastIP}`;
      if (!used.has(ip)) {
        this.podIPs.set(key, ip);
        return ip;
      }
    }
    return `${prefix}254`;
  }

  // ---- node registration and heartbeats (§4.8) ----

  private registerNode(): void {
    const api = this.ctx.api;
    const existing = api.tryGet('Node', undefined, this.node.name);
    if (!existing) {
      api.create({
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: this.node.name, labels: { ...this.node.labels }, annotations: { ...NODE_ANNOTATIONS } },
        spec: { podCIDR: nodePodCIDR(this.node), podCIDRs: [nodePodCIDR(this.node)], ...(this.node.taints.length ? { taints: clone(this.node.taints) } : {}) },
        status: this.status(undefined),
      });
      this.lastStatusWrite = this.ctx.clock.now();
      this.lastReportedImages = JSON.stringify(this.images.images());
      return;
    }
    // An existing Node keeps what others set (labels, taints); the kubelet reconciles its own labels.
    const next = clone(existing);
    next.metadata.labels = { ...(next.metadata.labels ?? {}), ...this.node.labels };
    next.metadata.annotations = { ...(next.metadata.annotations ?? {}), ...NODE_ANNOTATIONS };
    next.spec = { ...(next.spec ?? {}), podCIDR: nodePodCIDR(this.node), podCIDRs: [nodePodCIDR(this.node)] };
    delete next.metadata.resourceVersion;
    api.update(next);
    this.updateNodeStatus(true);
  }

  private status(previous: KubeObject | undefined): Record<string, unknown> {
    return nodeStatus(this.node, this.identity, previous?.status?.conditions, this.images.images(), rfc3339(this.ctx.clock));
  }

  /** Writes the node status if it changed, on first write after boot, or every 5 min. */
  private updateNodeStatus(force: boolean): void {
    const api = this.ctx.api;
    const current = api.tryGet('Node', undefined, this.node.name);
    if (!current) {
      this.registerNode();
      return;
    }
    const images = JSON.stringify(this.images.images());
    const conditionsHealthy = (current.status?.conditions ?? []).every((c: { type: string; status: string }) => c.status === (c.type === 'Ready' ? 'True' : 'False'));
    const due = this.ctx.clock.now() - this.lastStatusWrite >= NODE_STATUS_REPORT_MS;
    if (!force && !due && conditionsHealthy && images === this.lastReportedImages) return;
    const next = clone(current);
    next.status = { ...(next.status ?? {}), ...this.status(current) };
    api.updateStatus(next);
    this.lastStatusWrite = this.ctx.clock.now();
    this.lastReportedImages = images;
  }

  private renewLease(): void {
    const api = this.ctx.api;
    const lease = api.tryGet('Lease', NODE_LEASE_NAMESPACE, this.node.name);
    const renewTime = rfc3339Micro(this.ctx.clock);
    if (lease) {
      const next = clone(lease);
      next.spec = { ...(next.spec ?? {}), holderIdentity: this.node.name, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime };
      delete next.metadata.resourceVersion;
      api.update(next);
      return;
    }
    const node = api.tryGet('Node', undefined, this.node.name);
    api.create({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: this.node.name,
        namespace: NODE_LEASE_NAMESPACE,
        ...(node ? { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: this.node.name, uid: node.metadata.uid! }] } : {}),
      },
      spec: { holderIdentity: this.node.name, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime },
    });
  }
}

/** Virtual ms of a Lease's last renewal (for tests and the node lifecycle view). */
export function leaseRenewedAt(lease: KubeObject, clock: ComponentContext['clock']): number | undefined {
  return parseTimestamp(clock, lease.spec?.renewTime);
}
