/** `kubectl get` for persistentvolumeclaims and persistentvolumes (reference §6.2). */
import { AGE, type KindPrinter } from '../columns';

const MODES: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };

/** ACCESS MODES: `RWO,ROX`, each mode once, in kubectl's order. */
export function accessModes(modes: string[] | undefined): string {
  const set = new Set(modes ?? []);
  return Object.keys(MODES).filter((m) => set.has(m)).map((m) => MODES[m]).join(',');
}

/** PersistentVolumeClaims: NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE, wide VOLUMEMODE. */
export const pvcPrinter: KindPrinter = {
  kind: 'PersistentVolumeClaim',
  columns: [
    { header: 'STATUS', cell: (c) => (c.metadata.deletionTimestamp ? 'Terminating' : c.status?.phase ?? 'Pending') },
    { header: 'VOLUME', cell: (c) => c.spec?.volumeName ?? '' },
    { header: 'CAPACITY', cell: (c) => (c.spec?.volumeName ? c.status?.capacity?.storage ?? '' : '') },
    { header: 'ACCESS MODES', cell: (c) => (c.spec?.volumeName ? accessModes(c.status?.accessModes) : '') },
    { header: 'STORAGECLASS', cell: (c) => c.spec?.storageClassName ?? '<unset>' },
    { header: 'VOLUMEATTRIBUTESCLASS', cell: (c) => c.spec?.volumeAttributesClassName ?? '<unset>' },
    AGE,
    { header: 'VOLUMEMODE', wide: true, cell: (c) => c.spec?.volumeMode ?? '<unset>' },
  ],
};

/** PersistentVolumes: NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM STORAGECLASS VOLUMEATTRIBUTESCLASS REASON AGE. */
export const pvPrinter: KindPrinter = {
  kind: 'PersistentVolume',
  columns: [
    { header: 'CAPACITY', cell: (v) => v.spec?.capacity?.storage ?? '' },
    { header: 'ACCESS MODES', cell: (v) => accessModes(v.spec?.accessModes) },
    { header: 'RECLAIM POLICY', cell: (v) => v.spec?.persistentVolumeReclaimPolicy ?? '' },
    { header: 'STATUS', cell: (v) => (v.metadata.deletionTimestamp ? 'Terminating' : v.status?.phase ?? '') },
    { header: 'CLAIM', cell: (v) => (v.spec?.claimRef ? `${v.spec.claimRef.namespace}/${v.spec.claimRef.name}` : '') },
    { header: 'STORAGECLASS', cell: (v) => v.spec?.storageClassName ?? '' },
    { header: 'VOLUMEATTRIBUTESCLASS', cell: (v) => v.spec?.volumeAttributesClassName ?? '<unset>' },
    { header: 'REASON', cell: (v) => v.status?.reason ?? '' },
    AGE,
    { header: 'VOLUMEMODE', wide: true, cell: (v) => v.spec?.volumeMode ?? '<unset>' },
  ],
};
