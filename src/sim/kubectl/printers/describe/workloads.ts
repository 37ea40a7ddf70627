/** `kubectl describe` for deployments and replicasets, with the shared `Pod Template:` section. */
import type { KubeObject } from '../../../api/types';
import { selectorMatches, selectorToString } from '../../../api/selectors';
import { computePodTemplateHash } from '../../../controllers/util/hash';
import { describeContainers, describeVolumes } from './containers';
import { describeEvents, eventsFor } from './events';
import { annotationsMultiline, controlledBy, DescribeWriter, labelsMultiline, rfc1123z, tolerationsMultiline, type DescribeSource } from './writer';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Writes `Pod Template:` (DescribePodTemplate). */
export function describePodTemplate(w: DescribeWriter, template: any): void {
  w.write(0, 'Pod Template:\n');
  if (!template) {
    w.write(1, '<unset>');
    return;
  }
  labelsMultiline(w, 'Labels', template.metadata?.labels, '  ');
  if (Object.keys(template.metadata?.annotations ?? {}).length) annotationsMultiline(w, '  Annotations', template.metadata.annotations);
  const spec = template.spec ?? {};
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, undefined, '  ');
  describeContainers(w, 'Containers', spec.containers, undefined, '  ');
  describeVolumes(w, spec.volumes, '  ');
  if (spec.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  labelsMultiline(w, 'Node-Selectors', spec.nodeSelector, '  ');
  tolerationsMultiline(w, 'Tolerations', spec.tolerations, '  ');
}

/** Running / Waiting / Succeeded / Failed counts of the pods `owner` controls. */
export function podsStatus(src: DescribeSource, owner: KubeObject): string {
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 } as Record<string, number>;
  for (const p of src.list('Pod', owner.metadata.namespace)) {
    if (!selectorMatches(owner.spec?.selector, p.metadata.labels)) continue;
    const ref = (p.metadata.ownerReferences ?? []).find((r) => r.controller);
    if (!ref || ref.uid !== owner.metadata.uid) continue;
    if (p.status?.phase in counts) counts[p.status.phase]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

function conditionsTable(w: DescribeWriter, conditions: any[] | undefined): void {
  if (!conditions?.length) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

/** The describe text of a deployment. */
export function describeDeployment(d: KubeObject, src: DescribeSource, w: DescribeWriter): string {
  const spec = d.spec ?? {};
  const st = d.status ?? {};
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  labelsMultiline(w, 'Labels', d.metadata.labels);
  annotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${selectorToString(spec.selector)}\n`);
  w.write(0, `Replicas:\t${spec.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`);
  w.write(0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
  w.write(0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
  if (spec.strategy?.rollingUpdate) {
    const ru = spec.strategy.rollingUpdate;
    w.write(0, `RollingUpdateStrategy:\t${ru.maxUnavailable} max unavailable, ${ru.maxSurge} max surge\n`);
  }
  describePodTemplate(w, spec.template);
  conditionsTable(w, st.conditions);
  const owned = src
    .list('ReplicaSet', d.metadata.namespace)
    .filter((rs) => (rs.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === d.metadata.uid));
  const hash = computePodTemplateHash(spec.template, st.collisionCount);
  const newRs = owned.filter((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
  const oldRs = owned.filter((rs) => !newRs.includes(rs));
  const fmt = (list: KubeObject[]) => list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ') || '<none>';
  if (owned.length) {
    w.write(0, `OldReplicaSets:\t${fmt(oldRs)}\n`);
    w.write(0, `NewReplicaSet:\t${fmt(newRs)}\n`);
  }
  describeEvents(w, eventsFor(src, d));
  return w.toString();
}

/** The describe text of a replicaset. */
export function describeReplicaSet(rs: KubeObject, src: DescribeSource, w: DescribeWriter): string {
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace}\n`);
  w.write(0, `Selector:\t${selectorToString(rs.spec?.selector)}\n`);
  labelsMultiline(w, 'Labels', rs.metadata.labels);
  annotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const owner = controlledBy(rs);
  if (owner) w.write(0, `Controlled By:\t${owner}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
  w.write(0, `Pods Status:\t${podsStatus(src, rs)}\n`);
  describePodTemplate(w, rs.spec?.template);
  conditionsTable(w, rs.status?.conditions);
  describeEvents(w, eventsFor(src, rs));
  return w.toString();
}
