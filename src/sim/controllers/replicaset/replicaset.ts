/** PLACEHOLDER: to be implemented. */
import { Controller } from '../../system/controller';
import type { ComponentContext, Process } from '../../system/component';

export class ReplicaSetController extends Controller {
  constructor(ctx: ComponentContext, process?: Process) {
    super('controller/replicaset', ctx, 'replicaset-controller', process);
  }

  reconcile(): void {}
}
