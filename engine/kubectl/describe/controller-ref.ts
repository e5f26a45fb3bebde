/** metav1.GetControllerOf and describe.go's printController. */
import type { KubeObject, ObjectMeta, OwnerReference } from "../../api/object";

function controllerOf(meta: ObjectMeta | undefined): OwnerReference | undefined {
  return meta?.ownerReferences?.find((r) => r.controller === true);
}

/** `ReplicaSet/nginx-7854ff8877`, or "" when nothing controls the object. */
export function printController(meta: ObjectMeta | undefined): string {
  const ref = controllerOf(meta);
  return ref ? `${ref.kind}/${ref.name}` : "";
}

export function isControlledBy(obj: KubeObject, ownerUid: string | undefined): boolean {
  return ownerUid !== undefined && controllerOf(obj.metadata)?.uid === ownerUid;
}
