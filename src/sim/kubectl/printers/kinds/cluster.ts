/** `kubectl get` for namespaces, leases, PDBs, priority classes and HPAs (reference §6.2). */
import type { KubeObject } from '../../../api/types';
import { AGE, num, type KindPrinter } from '../columns';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Namespaces: NAME STATUS AGE. */
export const namespacePrinter: KindPrinter = { kind: 'Namespace', columns: [{ header: 'STATUS', cell: (n) => n.status?.phase ?? 'Active' }, AGE] };

/** Leases: NAME HOLDER AGE. */
export const leasePrinter: KindPrinter = { kind: 'Lease', columns: [{ header: 'HOLDER', cell: (l) => l.spec?.holderIdentity ?? '' }, AGE] };

/** PodDisruptionBudgets: NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE. */
export const pdbPrinter: KindPrinter = {
  kind: 'PodDisruptionBudget',
  columns: [
    { header: 'MIN AVAILABLE', cell: (p) => (p.spec?.minAvailable != null ? String(p.spec.minAvailable) : 'N/A') },
    { header: 'MAX UNAVAILABLE', cell: (p) => (p.spec?.maxUnavailable != null ? String(p.spec.maxUnavailable) : 'N/A') },
    { header: 'ALLOWED DISRUPTIONS', cell: (p) => num(p.status?.disruptionsAllowed) },
    AGE,
  ],
};

/** PriorityClasses: NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY. */
export const priorityClassPrinter: KindPrinter = {
  kind: 'PriorityClass',
  columns: [
    { header: 'VALUE', cell: (p) => String(p.value ?? 0) },
    { header: 'GLOBAL-DEFAULT', cell: (p) => String(!!p.globalDefault) },
    AGE,
    { header: 'PREEMPTIONPOLICY', cell: (p) => p.preemptionPolicy ?? 'PreemptLowerPriority' },
  ],
};

/** One HPA metric as TARGETS shows it: `cpu: 45%/80%`, `memory: 100Mi/200Mi`, `<unknown>` before the first reading. */
function hpaTarget(spec: any, current: any): string {
  switch (spec.type) {
    case 'Resource':
    case 'ContainerResource': {
      const src = spec.resource ?? spec.containerResource;
      const cur = current?.resource ?? current?.containerResource;
      if (src.target?.averageUtilization != null) {
        const now = cur?.current?.averageUtilization;
        return `${src.name}: ${now != null ? `${now}%` : '<unknown>'}/${src.target.averageUtilization}%`;
      }
      return `${src.name}: ${cur?.current?.averageValue ?? '<unknown>'}/${src.target?.averageValue ?? ''}`;
    }
    case 'Pods':
      return `${current?.pods?.current?.averageValue ?? '<unknown>'}/${spec.pods?.target?.averageValue ?? ''}`;
    case 'Object': {
      const t = spec.object?.target ?? {};
      const c = current?.object?.current ?? {};
      return t.averageValue != null ? `${c.averageValue ?? '<unknown>'}/${t.averageValue} (avg)` : `${c.value ?? '<unknown>'}/${t.value ?? ''}`;
    }
    case 'External': {
      const t = spec.external?.target ?? {};
      const c = current?.external?.current ?? {};
      return t.averageValue != null ? `${c.averageValue ?? '<unknown>'}/${t.averageValue} (avg)` : `${c.value ?? '<unknown>'}/${t.value ?? ''}`;
    }
    default:
      return '<unknown type>';
  }
}

/** TARGETS: at most two metrics, then ` + N more...`; `<none>` without metrics. */
export function hpaTargets(hpa: KubeObject): string {
  const metrics: any[] = hpa.spec?.metrics ?? [];
  if (!metrics.length) return '<none>';
  const shown = metrics.slice(0, 2).map((m, i) => hpaTarget(m, hpa.status?.currentMetrics?.[i]));
  const more = metrics.length > 2 ? ` + ${metrics.length - 2} more...` : '';
  return shown.join(', ') + more;
}

/** HorizontalPodAutoscalers: NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE. */
export const hpaPrinter: KindPrinter = {
  kind: 'HorizontalPodAutoscaler',
  columns: [
    { header: 'REFERENCE', cell: (h) => `${h.spec?.scaleTargetRef?.kind}/${h.spec?.scaleTargetRef?.name}` },
    { header: 'TARGETS', cell: hpaTargets },
    { header: 'MINPODS', cell: (h) => (h.spec?.minReplicas != null ? String(h.spec.minReplicas) : '<unset>') },
    { header: 'MAXPODS', cell: (h) => num(h.spec?.maxReplicas) },
    { header: 'REPLICAS', cell: (h) => num(h.status?.currentReplicas) },
    AGE,
  ],
};
