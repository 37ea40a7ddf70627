/** PLACEHOLDER: to be implemented. */
import { Controller } from '../../system/controller';
import type { ComponentContext, Process } from '../../system/component';

export class NamespaceController extends Controller {
  constructor(ctx: ComponentContext, process?: Process) {
    super('controller/namespace', ctx, 'namespace-controller', process);
  }

  reconcile(): void {}
}
