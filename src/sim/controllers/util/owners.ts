/** Owner references (reference §1.7): who controls an object, and the ref a controller writes. */
import type { KubeObject, OwnerReference } from '../../api/types';

/** The `controller: true` owner reference of `obj`, if any. */
export function controllerRefOf(obj: KubeObject): OwnerReference | undefined {
  return (obj.metadata.ownerReferences ?? []).find((r) => r.controller);
}

/** The ref a controller puts on what it creates: controller and blockOwnerDeletion set. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** True when `obj`'s controller is the object with `uid`. */
export function isControlledBy(obj: KubeObject, uid: string | undefined): boolean {
  return !!uid && controllerRefOf(obj)?.uid === uid;
}

/** True when any owner reference of `obj` points at `uid`. */
export function hasOwner(obj: KubeObject, uid: string): boolean {
  return (obj.metadata.ownerReferences ?? []).some((r) => r.uid === uid);
}
