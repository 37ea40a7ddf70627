/** PLACEHOLDER: to be implemented. */
import { Process, type Component, type ComponentContext } from '../system/component';
import type { NodeConfig } from '../cluster';

export class Kubelet implements Component {
  readonly id: string;
  readonly process: Process;
  constructor(ctx: ComponentContext, readonly node: NodeConfig) {
    this.id = `kubelet/${node.name}`;
    this.process = new Process(ctx);
  }
  start(): void {}
  stop(): void {}
  work(): void {}
}
