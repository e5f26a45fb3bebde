/** describe.go's describeVolumes for the volume types a learner's pods use. */
import type { PersistentVolumeClaimSpec, Volume } from "kubernetes-types/core/v1";
import type { ObjectMeta } from "kubernetes-types/meta/v1";
import { printLabelsMultiline, printAnnotationsMultiline, sortedKeys } from "./labels-annotations";
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, nestedWriter, type PrefixWriter } from "./prefix-writer";
import { canonicalQuantity, parseQuantity } from "../../api/resource-quantity";

/** Image volumes (GA 1.35) are newer than the kubernetes-types package. */
type AnyVolume = Volume & { image?: { reference?: string; pullPolicy?: string } };

const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));
const bool = (v: boolean | undefined | null) => String(v === true);

function printEphemeral(w: PrefixWriter, template: { metadata?: ObjectMeta; spec?: PersistentVolumeClaimSpec } | undefined): void {
  w.write(LEVEL_2, "Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n");
  if (!template) return;
  // printPersistentVolumeClaim through a writer nested two levels deeper.
  const spec = template.spec ?? {};
  const nested = nestedWriter(w, LEVEL_2);
  nested.write(LEVEL_0, `StorageClass:\t${spec.storageClassName ?? ""}\n`);
  nested.write(LEVEL_0, `Volume:\t${spec.volumeName ?? ""}\n`);
  printLabelsMultiline(nested, "Labels", template.metadata?.labels);
  printAnnotationsMultiline(nested, "Annotations", template.metadata?.annotations);
  nested.write(LEVEL_0, "Capacity:\t\n");
  nested.write(LEVEL_0, "Access Modes:\t\n");
  if (spec.volumeMode) nested.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
}

function printVolumeSource(w: PrefixWriter, v: AnyVolume): void {
  if (v.hostPath) {
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? "<none>"}\n`);
  } else if (v.emptyDir) {
    const limit = parseQuantity(v.emptyDir.sizeLimit);
    const sizeLimit = limit && limit.nanos > 0n ? canonicalQuantity(v.emptyDir.sizeLimit) : "<unset>";
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ""}\n    SizeLimit:\t${sizeLimit}\n`);
  } else if (v.secret) {
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${str(v.secret.secretName)}\n    Optional:\t${bool(v.secret.optional)}\n`);
  } else if (v.configMap) {
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${str(v.configMap.name)}\n    Optional:\t${bool(v.configMap.optional)}\n`);
  } else if (v.nfs) {
    w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${v.nfs.server}\n    Path:\t${v.nfs.path}\n    ReadOnly:\t${bool(v.nfs.readOnly)}\n`);
  } else if (v.persistentVolumeClaim) {
    w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${bool(v.persistentVolumeClaim.readOnly)}\n`);
  } else if (v.ephemeral) {
    printEphemeral(w, v.ephemeral.volumeClaimTemplate);
  } else if (v.downwardAPI) {
    w.write(LEVEL_2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
  } else if (v.projected) {
    w.write(LEVEL_2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
    for (const s of v.projected.sources ?? []) {
      if (s.secret) w.write(LEVEL_2, `SecretName:\t${str(s.secret.name)}\n    Optional:\t${bool(s.secret.optional)}\n`);
      else if (s.downwardAPI) w.write(LEVEL_2, "DownwardAPI:\ttrue\n");
      else if (s.configMap) w.write(LEVEL_2, `ConfigMapName:\t${str(s.configMap.name)}\n    Optional:\t${bool(s.configMap.optional)}\n`);
      else if (s.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${str(s.serviceAccountToken.expirationSeconds)}\n`);
    }
  } else if (v.csi) {
    w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${v.csi.driver}\n    FSType:\t${v.csi.fsType ?? ""}\n    ReadOnly:\t${bool(v.csi.readOnly)}\n`);
    // printCSIPersistentVolumeAttributesMultiline indents every write, values included.
    const attrs = v.csi.volumeAttributes ?? {};
    w.write(LEVEL_2, "VolumeAttributes:\t");
    const keys = sortedKeys(attrs);
    if (keys.length === 0) w.writeLine("<none>");
    keys.forEach((k, i) => {
      if (i !== 0) {
        w.write(LEVEL_2, "");
        w.write(LEVEL_2, "\t");
      }
      w.write(LEVEL_2, `${k}=${attrs[k]}\n`);
    });
  } else if (v.image) {
    w.write(LEVEL_2, `Type:\tImage (a container image or OCI artifact)\n    Reference:\t${str(v.image.reference)}\n    PullPolicy:\t${str(v.image.pullPolicy)}\n`);
  } else {
    w.write(LEVEL_1, "<unknown>\n");
  }
}

/** `space` is "" for a pod and "  " inside a Pod Template, which also indents names by one. */
export function describeVolumes(volumes: readonly Volume[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  const nameIndent = space ? " " : "";
  for (const v of volumes) {
    w.write(LEVEL_1, `${nameIndent}${v.name}:\n`);
    printVolumeSource(w, v);
  }
}
