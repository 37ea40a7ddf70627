/** PLACEHOLDER: to be implemented. */
import { Controller } from '../../system/controller';
import type { ComponentContext, Process } from '../../system/component';

export class NodeLifecycleController extends Controller {
  constructor(ctx: ComponentContext, process?: Process) {
    super('controller/nodelifecycle', ctx, 'node-controller', process);
  }

  reconcile(): void {}
}
