/** PLACEHOLDER: to be implemented. */
import { Controller } from '../../system/controller';
import type { ComponentContext, Process } from '../../system/component';

export class GarbageCollector extends Controller {
  constructor(ctx: ComponentContext, process?: Process) {
    super('controller/garbagecollector', ctx, 'garbage-collector-controller', process);
  }

  reconcile(): void {}
}
