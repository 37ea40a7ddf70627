/**
 * The scheduler cache: a NodeInfo per node, fed by the Node and Pod informers,
 * plus pods "assumed" on a node the moment they are scheduled, before the bind
 * lands, so the next cycle already counts their requests (reference §2.3 step 10).
 */
import type { Node, Pod } from '../api/types';
import { NodeInfo, podKey, type LabelObserver, type SnapshotAggregates } from './framework';

/** True for pods that no longer hold node resources (Succeeded or Failed). */
export function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** Node and pod state as the scheduler accounts it. */
export class SchedulerCache {
  private readonly nodes = new Map<string, NodeInfo>();
  /** Pods bound to nodes the cache does not know (yet), by node name. */
  private readonly orphans = new Map<string, Map<string, Pod>>();
  /** Where each counted pod is, by pod key. */
  private readonly podNode = new Map<string, string>();
  private readonly assumed = new Set<string>();
  /** Every node's NodeInfo sorted by name, kept until a node comes or goes. */
  private sorted: NodeInfo[] | undefined;
  /** Image name → number of nodes having it, kept up to date as nodes change. */
  private readonly imageNodes = new Map<string, number>();
  /** Namespace → label bucket → nodes holding a pod with that label, kept as pods come and go. */
  private readonly labelNodes = new Map<string, Map<string, Set<NodeInfo>>>();
  private readonly labelObserver: LabelObserver = {
    labelAppeared: (info, ns, bucketKey) => {
      let byLabel = this.labelNodes.get(ns);
      if (!byLabel) this.labelNodes.set(ns, (byLabel = new Map()));
      let nodes = byLabel.get(bucketKey);
      if (!nodes) byLabel.set(bucketKey, (nodes = new Set()));
      nodes.add(info);
    },
    labelGone: (info, ns, bucketKey) => this.dropLabel(info, ns, bucketKey),
  };

  /** A node appeared. */
  addNode(node: Node): void {
    const name = node.metadata!.name!;
    const existing = this.nodes.get(name);
    if (existing) {
      if (existing.node === node) return;
      const before = existing.imageSizes;
      existing.setNode(node);
      const after = existing.imageSizes;
      for (const image of before.keys()) if (!after.has(image)) this.countImage(image, -1);
      for (const image of after.keys()) if (!before.has(image)) this.countImage(image, 1);
      return;
    }
    const info = new NodeInfo(node, this.orphans.get(name)?.values() ?? [], this.labelObserver);
    this.orphans.delete(name);
    this.nodes.set(name, info);
    this.sorted = undefined;
    for (const image of info.imageSizes.keys()) this.countImage(image, 1);
  }

  /** A node changed. */
  updateNode(node: Node): void {
    this.addNode(node);
  }

  /** A node was deleted; its pods wait in case it comes back. */
  removeNode(name: string): void {
    const info = this.nodes.get(name);
    if (!info) return;
    this.nodes.delete(name);
    this.sorted = undefined;
    for (const image of info.imageSizes.keys()) this.countImage(image, -1);
    info.forEachLabel((ns, bucketKey) => this.dropLabel(info, ns, bucketKey));
    if (info.podCount) this.orphans.set(name, new Map(info.pods.map((p) => [podKey(p), p])));
  }

  /** A bound pod was seen (or changed); terminal pods stop counting. */
  addOrUpdatePod(pod: Pod): void {
    const key = podKey(pod);
    this.assumed.delete(key);
    this.removePod(key);
    if (isTerminal(pod) || !pod.spec?.nodeName) return;
    this.place(key, pod, pod.spec.nodeName);
  }

  /** A pod is gone (deleted, or forgotten). */
  removePod(key: string): void {
    const nodeName = this.podNode.get(key);
    if (nodeName === undefined) return;
    this.podNode.delete(key);
    this.assumed.delete(key);
    this.nodes.get(nodeName)?.removePod(key);
    this.orphans.get(nodeName)?.delete(key);
  }

  /** Counts `pod` on `nodeName` before its bind is confirmed. */
  assume(pod: Pod, nodeName: string): void {
    const key = podKey(pod);
    this.removePod(key);
    this.place(key, pod, nodeName);
    this.assumed.add(key);
  }

  /** Drops an assumption (the bind failed or the pod was deleted). */
  forget(key: string): void {
    if (this.assumed.has(key)) this.removePod(key);
  }

  /** True while the pod is assumed and its bind not yet seen. */
  isAssumed(key: string): boolean {
    return this.assumed.has(key);
  }

  /** The node a pod is counted on. */
  nodeOf(key: string): string | undefined {
    return this.podNode.get(key);
  }

  /** The NodeInfo of one node. */
  nodeInfo(name: string): NodeInfo | undefined {
    return this.nodes.get(name);
  }

  /** Every known node's NodeInfo, sorted by node name (the cycle's snapshot). */
  snapshot(): readonly NodeInfo[] {
    this.sorted ??= [...this.nodes.keys()].sort().map((n) => this.nodes.get(n)!);
    return this.sorted;
  }

  /** What the cache counts across nodes, for the cycle's Snapshot. */
  aggregates(): SnapshotAggregates {
    return { imageNodes: this.imageNodes, byName: this.nodes, labelNodes: this.labelNodes };
  }

  private dropLabel(info: NodeInfo, ns: string, bucketKey: string): void {
    const byLabel = this.labelNodes.get(ns);
    const nodes = byLabel?.get(bucketKey);
    if (!byLabel || !nodes) return;
    nodes.delete(info);
    if (nodes.size === 0) byLabel.delete(bucketKey);
    if (byLabel.size === 0) this.labelNodes.delete(ns);
  }

  private countImage(image: string, by: 1 | -1): void {
    const n = (this.imageNodes.get(image) ?? 0) + by;
    if (n === 0) this.imageNodes.delete(image);
    else this.imageNodes.set(image, n);
  }

  private place(key: string, pod: Pod, nodeName: string): void {
    this.podNode.set(key, nodeName);
    const info = this.nodes.get(nodeName);
    if (info) info.addPod(pod);
    else {
      if (!this.orphans.has(nodeName)) this.orphans.set(nodeName, new Map());
      this.orphans.get(nodeName)!.set(key, pod);
    }
  }
}
