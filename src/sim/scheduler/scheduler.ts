/** PLACEHOLDER: to be implemented. */
import { Process, type Component, type ComponentContext } from '../system/component';

export class Scheduler implements Component {
  readonly id = 'scheduler';
  readonly process: Process;
  constructor(ctx: ComponentContext) {
    this.process = new Process(ctx);
  }
  start(): void {}
  stop(): void {}
  work(): void {}
}
