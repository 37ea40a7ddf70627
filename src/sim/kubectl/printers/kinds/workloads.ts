/** `kubectl get` for apps/v1 workloads: deployments, replicasets, statefulsets, daemonsets (reference §6.2). */
import { selectorToString } from '../../../api/selectors';
import { AGE, formatMap, num, templateColumns, type Column, type KindPrinter } from '../columns';

const template = (o: { spec?: { template?: unknown } }) => o.spec?.template;
const SELECTOR: Column = { header: 'SELECTOR', wide: true, cell: (o) => selectorToString(o.spec?.selector) };

/** Deployments: NAME READY UP-TO-DATE AVAILABLE AGE, wide CONTAINERS IMAGES SELECTOR. */
export const deploymentPrinter: KindPrinter = {
  kind: 'Deployment',
  columns: [
    { header: 'READY', cell: (d) => `${num(d.status?.readyReplicas)}/${num(d.spec?.replicas)}` },
    { header: 'UP-TO-DATE', cell: (d) => num(d.status?.updatedReplicas) },
    { header: 'AVAILABLE', cell: (d) => num(d.status?.availableReplicas) },
    AGE,
    ...templateColumns(template),
    SELECTOR,
  ],
};

/** ReplicaSets: NAME DESIRED CURRENT READY AGE, wide CONTAINERS IMAGES SELECTOR. */
export const replicaSetPrinter: KindPrinter = {
  kind: 'ReplicaSet',
  columns: [
    { header: 'DESIRED', cell: (r) => num(r.spec?.replicas) },
    { header: 'CURRENT', cell: (r) => num(r.status?.replicas) },
    { header: 'READY', cell: (r) => num(r.status?.readyReplicas) },
    AGE,
    ...templateColumns(template),
    SELECTOR,
  ],
};

/** StatefulSets: NAME READY AGE, wide CONTAINERS IMAGES. */
export const statefulSetPrinter: KindPrinter = {
  kind: 'StatefulSet',
  columns: [{ header: 'READY', cell: (s) => `${num(s.status?.readyReplicas)}/${num(s.spec?.replicas)}` }, AGE, ...templateColumns(template)],
};

/** DaemonSets: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE, wide CONTAINERS IMAGES SELECTOR. */
export const daemonSetPrinter: KindPrinter = {
  kind: 'DaemonSet',
  columns: [
    { header: 'DESIRED', cell: (d) => num(d.status?.desiredNumberScheduled) },
    { header: 'CURRENT', cell: (d) => num(d.status?.currentNumberScheduled) },
    { header: 'READY', cell: (d) => num(d.status?.numberReady) },
    { header: 'UP-TO-DATE', cell: (d) => num(d.status?.updatedNumberScheduled) },
    { header: 'AVAILABLE', cell: (d) => num(d.status?.numberAvailable) },
    { header: 'NODE SELECTOR', cell: (d) => formatMap(d.spec?.template?.spec?.nodeSelector) },
    AGE,
    ...templateColumns(template),
    SELECTOR,
  ],
};
