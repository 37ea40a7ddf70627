/** Which printer prints which kind; kinds without one get the generic `NAME AGE`. */
import { AGE, type KindPrinter } from './columns';
import { podPrinter } from './kinds/pod';
import { nodePrinter } from './kinds/node';
import { eventPrinter } from './kinds/event';
import { daemonSetPrinter, deploymentPrinter, replicaSetPrinter, statefulSetPrinter } from './kinds/workloads';
import { cronJobPrinter, jobPrinter } from './kinds/batch';
import { endpointSlicePrinter, endpointsPrinter, ingressPrinter, networkPolicyPrinter, servicePrinter } from './kinds/network';
import { configMapPrinter, secretPrinter, serviceAccountPrinter } from './kinds/config';
import { pvcPrinter, pvPrinter } from './kinds/storage';
import { hpaPrinter, leasePrinter, namespacePrinter, pdbPrinter, priorityClassPrinter } from './kinds/cluster';

const PRINTERS = new Map<string, KindPrinter>(
  [
    podPrinter, nodePrinter, eventPrinter, deploymentPrinter, replicaSetPrinter, statefulSetPrinter, daemonSetPrinter,
    jobPrinter, cronJobPrinter, servicePrinter, endpointsPrinter, endpointSlicePrinter, ingressPrinter, networkPolicyPrinter,
    configMapPrinter, secretPrinter, serviceAccountPrinter, pvcPrinter, pvPrinter, namespacePrinter, leasePrinter,
    pdbPrinter, priorityClassPrinter, hpaPrinter,
  ].map((p) => [p.kind, p]),
);

/** The printer for `kind`: its own, or the generic `NAME AGE` (as the server's default Table). */
export function printerFor(kind: string): KindPrinter {
  return PRINTERS.get(kind) ?? { kind, columns: [AGE] };
}
