/** PLACEHOLDER: to be implemented. */
import { Controller } from '../../system/controller';
import type { ComponentContext, Process } from '../../system/component';

export class DeploymentController extends Controller {
  constructor(ctx: ComponentContext, process?: Process) {
    super('controller/deployment', ctx, 'deployment-controller', process);
  }

  reconcile(): void {}
}
