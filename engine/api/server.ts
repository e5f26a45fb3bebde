/**
 * The simulated API server: REST semantics over the store. Every write goes through the
 * resource's strategy (defaulting, validation), gets a uid, resourceVersion, generation
 * and creationTimestamp, and deletes are graceful where the real server makes them so.
 * Results are values: an object or a StatusError with the server's own text.
 */
import type { RandomState } from "../random";
import { randomSuffix, randomUid } from "../random";
import type { Result } from "./errors";
import { alreadyExists, badRequest, conflict, fail, forbidden, invalid, notFound, ok } from "./errors";
import type { FieldRequirement } from "./field-selector";
import { matchesFields, parseFieldSelector, unsupportedField } from "./field-selector";
import type { Selector } from "./label-selector";
import { matchesSelector, parseLabelSelector } from "./label-selector";
import type { KubeObject } from "./object";
import { clone, timestamp } from "./object";
import type { ResourceType } from "./resources";
import { apiVersionOf, qualifiedPlural, resourceForKind } from "./resources";
import type { AdmissionRequest } from "./admission/admission";
import { mutatingAdmission, validatingAdmission } from "./admission/admission";
import type { Store } from "./store";
import { defaultPodFields } from "./defaults/pod";
import { STRATEGIES } from "./strategies";
import type { FieldValidation } from "./strict-decoding";
import { decode } from "./strict-decoding";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export interface ServerEnv {
  now(): number;
  readonly random: RandomState;
}

export interface WriteOptions {
  readonly dryRun?: boolean;
  /** `Strict` (kubectl's default) refuses unknown fields; `Ignore` drops them. */
  readonly fieldValidation?: FieldValidation;
  /** where a create takes its uid and generated name from instead of the cluster's stream (see `seededFrom`) */
  readonly random?: RandomState;
}

export interface Written {
  readonly object: KubeObject;
  readonly warnings: readonly string[];
}

export interface ListOptions {
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
}

export interface DeleteOptions {
  readonly gracePeriodSeconds?: number;
  readonly dryRun?: boolean;
  readonly propagationPolicy?: "Background" | "Foreground" | "Orphan";
}

export interface Deleted {
  readonly object: KubeObject;
  /** false when the object is now terminating rather than gone */
  readonly removed: boolean;
}

/** Quota admission charges a quota through its status subresource. */
const RESOURCE_QUOTAS = resourceForKind("ResourceQuota") as ResourceType;

const SYSTEM_NAMESPACES = new Set(["default", "kube-system", "kube-public", "kube-node-lease"]);

export class ApiServer {
  constructor(
    readonly store: Store,
    private readonly env: ServerEnv,
  ) {}

  now(): number {
    return this.env.now();
  }

  get(type: ResourceType, namespace: string | undefined, name: string): Result<KubeObject> {
    const o = this.store.get(type.plural, type.namespaced ? namespace : undefined, name);
    return o ? ok(o) : fail(notFound(qualifiedPlural(type), name));
  }

  list(type: ResourceType, namespace: string | undefined, opts: ListOptions = {}): Result<KubeObject[]> {
    let labels: Selector = [];
    let fields: FieldRequirement[] = [];
    if (opts.labelSelector) {
      const r = parseLabelSelector(opts.labelSelector);
      if (!r.ok) return r;
      labels = r.value;
    }
    if (opts.fieldSelector) {
      const r = parseFieldSelector(opts.fieldSelector);
      if (!r.ok) return r;
      fields = r.value;
      const bad = unsupportedField(type.plural, fields);
      if (bad) {
        const gvr = `${type.group ? type.group + "/" : "/"}${type.version}, Resource=${type.plural}`;
        return fail(
          badRequest(`Unable to find "${gvr}" that match label selector "${opts.labelSelector ?? ""}", field selector "${opts.fieldSelector}": field label not supported: ${bad}`),
        );
      }
    }
    const items = this.store
      .list(type.plural, type.namespaced ? namespace : undefined)
      .filter((o) => (labels.length === 0 || matchesSelector(labels, o.metadata.labels)) && (fields.length === 0 || matchesFields(type.plural, fields, o)));
    return ok(sortByKey(items));
  }

  create(type: ResourceType, namespace: string | undefined, input: unknown, opts: WriteOptions = {}): Result<Written> {
    const decoded = this.decode(type, input, opts);
    if (!decoded.ok) return decoded;
    const { obj, warnings: decodeWarnings } = decoded.value;
    const meta = obj.metadata as Obj;
    const ns = this.scope(type, namespace, meta);
    if (!ns.ok) return ns;
    if (meta.resourceVersion !== undefined && meta.resourceVersion !== "") {
      return fail(badRequest("resourceVersion should not be set on objects to be created"));
    }
    const random = opts.random ?? this.env.random;
    if (!meta.name && typeof meta.generateName === "string" && meta.generateName) meta.name = meta.generateName + randomSuffix(random);
    for (const k of ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "managedFields"]) delete meta[k];
    const strategy = STRATEGIES[type.plural];
    if (strategy.statusSubresource && type.plural !== "nodes") delete obj.status;
    const uid = randomUid(random);
    strategy.defaults(obj, { random: this.env.random, uid, allocations: () => this.allocations() });
    const admission: AdmissionRequest = { type, namespace: ns.value, object: obj, store: this.store, now: this.env.now() };
    mutatingAdmission(admission);
    strategy.prepareForCreate(obj);
    const causes = strategy.validate(obj);
    const name = String(meta.name ?? "");
    if (causes.length) return fail(invalid(type.kind, name, causes));
    if (type.namespaced && ns.value !== undefined) {
      const nsObj = this.store.get("namespaces", undefined, ns.value);
      if (!nsObj) return fail(notFound("namespaces", ns.value));
      if (nsObj.metadata.deletionTimestamp && type.plural !== "events") {
        return fail(forbidden(type.plural, name, `unable to create new content in namespace ${ns.value} because it is being terminated`));
      }
    }
    if (type.plural === "pods") {
      const saName = String((obj.spec as Obj).serviceAccountName);
      if (!this.store.get("serviceaccounts", ns.value, saName)) {
        return fail(forbidden("pods", name, `error looking up service account ${ns.value}/${saName}: serviceaccount "${saName}" not found`));
      }
    }
    const admitted = validatingAdmission(admission);
    if (!admitted.ok) return admitted;
    if (this.store.get(type.plural, ns.value, name)) return fail(alreadyExists(qualifiedPlural(type), name));
    strategy.canonicalize(obj);
    meta.uid = uid;
    meta.creationTimestamp = timestamp(this.env.now());
    if (strategy.generation) meta.generation = 1;
    if (type.plural === "daemonsets") stampTemplateGeneration(meta);
    const warnings = [...decodeWarnings, ...this.warnings(type, obj)];
    const stored = obj as KubeObject;
    if (!opts.dryRun) {
      meta.resourceVersion = this.store.nextResourceVersion();
      this.store.put(type.plural, stored);
      // Charged once stored, so a create refused later (AlreadyExists) costs nothing; a real
      // server charges first and the quota controller's next full recount gives it back.
      for (const quota of admitted.value) this.updateStatus(RESOURCE_QUOTAS, quota);
    }
    return ok({ object: stored, warnings });
  }

  /** PUT: replaces the object; status is kept from the stored one where a status subresource exists. */
  update(type: ResourceType, namespace: string | undefined, input: unknown, opts: WriteOptions = {}): Result<Written> {
    const decoded = this.decode(type, input, opts);
    if (!decoded.ok) return decoded;
    const { obj, warnings } = decoded.value;
    const meta = obj.metadata as Obj;
    const ns = this.scope(type, namespace, meta);
    if (!ns.ok) return ns;
    const name = String(meta.name ?? "");
    const prev = this.store.get(type.plural, ns.value, name);
    if (!prev) return fail(notFound(qualifiedPlural(type), name));
    if (meta.resourceVersion !== undefined && meta.resourceVersion !== "" && meta.resourceVersion !== prev.metadata.resourceVersion) {
      return fail(conflict(qualifiedPlural(type), name, "the object has been modified; please apply your changes to the latest version and try again"));
    }
    const strategy = STRATEGIES[type.plural];
    for (const k of ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation"] as const) {
      if (prev.metadata[k] === undefined) delete meta[k];
      else meta[k] = prev.metadata[k];
    }
    if (strategy.statusSubresource) obj.status = clone(prev.status);
    this.redefault(type, obj, prev);
    // decoding gives an update the stored form of its quantities, so an unchanged `0.5` is
    // not taken for a change of the stored `500m`
    strategy.canonicalize(obj);
    const causes = strategy.validateUpdate(obj, prev as Obj);
    if (causes.length) return fail(invalid(type.kind, name, causes));
    if (strategy.generation && JSON.stringify(sortKeys(obj.spec)) !== JSON.stringify(sortKeys(prev.spec))) meta.generation = (prev.metadata.generation ?? 1) + 1;
    if (type.plural === "daemonsets") stampTemplateGeneration(meta);
    if (sameContent(obj, prev as Obj)) return ok({ object: prev, warnings });
    const stored = obj as KubeObject;
    if (!opts.dryRun) {
      meta.resourceVersion = this.store.nextResourceVersion();
      this.store.put(type.plural, stored);
      this.finishDeletionIfDone(type, stored);
    }
    return ok({ object: stored, warnings });
  }

  /** The status subresource: only status changes, as controllers and the kubelet write it. */
  updateStatus(type: ResourceType, object: KubeObject): Result<KubeObject> {
    const prev = this.store.get(type.plural, object.metadata.namespace, object.metadata.name ?? "");
    if (!prev) return fail(notFound(qualifiedPlural(type), object.metadata.name ?? ""));
    if (JSON.stringify(prev.status) === JSON.stringify(object.status)) return ok(prev);
    const next: KubeObject = { ...prev, status: clone(object.status), metadata: { ...prev.metadata, resourceVersion: this.store.nextResourceVersion() } };
    this.store.put(type.plural, next);
    return ok(next);
  }

  delete(type: ResourceType, namespace: string | undefined, name: string, opts: DeleteOptions = {}): Result<Deleted> {
    const ns = type.namespaced ? namespace ?? "default" : undefined;
    const prev = this.store.get(type.plural, ns, name);
    if (!prev) return fail(notFound(qualifiedPlural(type), name));
    if (type.plural === "namespaces" && SYSTEM_NAMESPACES.has(name)) {
      return fail(forbidden("namespaces", name, "this namespace may not be deleted"));
    }
    const grace = this.gracePeriod(type, prev, opts.gracePeriodSeconds);
    const finalizers = [...(prev.metadata.finalizers ?? [])];
    if (opts.propagationPolicy === "Foreground" && !finalizers.includes("foregroundDeletion")) finalizers.push("foregroundDeletion");
    if (opts.propagationPolicy === "Orphan" && !finalizers.includes("orphan")) finalizers.push("orphan");
    const namespaceFinalizing = type.plural === "namespaces";
    if (grace === 0 && finalizers.length === 0 && !namespaceFinalizing) {
      if (!opts.dryRun) this.store.remove(type.plural, ns, name);
      return ok({ object: prev, removed: true });
    }
    if (prev.metadata.deletionTimestamp) {
      const shorter = grace < (prev.metadata.deletionGracePeriodSeconds ?? Infinity);
      if (!shorter) return ok({ object: prev, removed: false });
    }
    const meta = {
      ...prev.metadata,
      deletionTimestamp: timestamp(this.env.now() + grace * 1000),
      deletionGracePeriodSeconds: grace,
      ...(finalizers.length ? { finalizers } : {}),
    };
    const next: KubeObject = { ...prev, metadata: meta };
    if (namespaceFinalizing) next.status = { ...(prev.status as Obj), phase: "Terminating" };
    if (opts.dryRun) return ok({ object: next, removed: false });
    if (grace === 0 && type.plural === "pods" && finalizers.length === 0) {
      this.store.remove(type.plural, ns, name);
      return ok({ object: next, removed: true });
    }
    meta.resourceVersion = this.store.nextResourceVersion();
    this.store.put(type.plural, next);
    return ok({ object: next, removed: false });
  }

  /**
   * Final removal of a terminating object, as the kubelet's delete with grace period 0
   * does; an object that still has finalizers stays until they are gone.
   */
  finalize(type: ResourceType, object: KubeObject): void {
    const current = this.store.get(type.plural, object.metadata.namespace, object.metadata.name ?? "");
    if (!current) return;
    if ((current.metadata.finalizers ?? []).length > 0) {
      if (current.metadata.deletionGracePeriodSeconds !== 0) {
        const meta = { ...current.metadata, deletionGracePeriodSeconds: 0, resourceVersion: this.store.nextResourceVersion() };
        this.store.put(type.plural, { ...current, metadata: meta });
      }
      return;
    }
    this.store.remove(type.plural, object.metadata.namespace, object.metadata.name ?? "");
  }

  private finishDeletionIfDone(type: ResourceType, o: KubeObject): void {
    const podDone = type.plural !== "pods" || o.metadata.deletionGracePeriodSeconds === 0;
    if (o.metadata.deletionTimestamp && (o.metadata.finalizers ?? []).length === 0 && podDone && type.plural !== "namespaces") {
      this.store.remove(type.plural, o.metadata.namespace, o.metadata.name ?? "");
    }
  }

  /** CheckGracefulDelete: pods that never ran or already finished go at once; others wait their grace period. */
  private gracePeriod(type: ResourceType, o: KubeObject, requested: number | undefined): number {
    if (type.plural !== "pods") return 0;
    const spec = o.spec as Obj;
    const status = (o.status ?? {}) as Obj;
    if (!spec.nodeName || status.phase === "Succeeded" || status.phase === "Failed") return 0;
    if (requested !== undefined && requested >= 0) return requested;
    return typeof spec.terminationGracePeriodSeconds === "number" ? spec.terminationGracePeriodSeconds : 30;
  }

  private decode(type: ResourceType, input: unknown, opts: WriteOptions): Result<{ obj: Obj; warnings: string[] }> {
    if (!isObj(input)) return fail(badRequest(`${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: the object is not a JSON object`));
    const decoded = decode(type.kind, type.version, clone(input), opts.fieldValidation ?? "Strict");
    if (!decoded.ok) return fail(decoded.error);
    const obj = decoded.value;
    obj.apiVersion = apiVersionOf(type);
    obj.kind = type.kind;
    if (!isObj(obj.metadata)) obj.metadata = {};
    dropEmptyMetadata(obj.metadata as Obj);
    return ok({ obj, warnings: decoded.warnings });
  }

  private scope(type: ResourceType, namespace: string | undefined, meta: Obj): Result<string | undefined> {
    if (!type.namespaced) {
      delete meta.namespace;
      return ok(undefined);
    }
    const ns = namespace ?? (typeof meta.namespace === "string" && meta.namespace ? meta.namespace : "default");
    if (typeof meta.namespace === "string" && meta.namespace && meta.namespace !== ns) {
      return fail(badRequest("the namespace of the provided object does not match the namespace sent on the request"));
    }
    meta.namespace = ns;
    return ok(ns);
  }

  /**
   * Defaulting runs again on every update; admission plugins that only act on create do
   * not, so a pod replaced without its service-account volume is refused as a spec change.
   * Services keep their allocated IPs and node ports when the update leaves them out.
   */
  private redefault(type: ResourceType, obj: Obj, prev: KubeObject): void {
    switch (type.plural) {
      case "pods":
        defaultPodFields(obj);
        return;
      case "services":
        keepAllocations(obj, prev as Obj);
        break;
      case "jobs":
        keepJobLabels(obj, prev as Obj);
        break;
    }
    STRATEGIES[type.plural].defaults(obj, { random: this.env.random, uid: prev.metadata.uid ?? "", allocations: () => this.allocations() });
    if (type.plural === "namespaces") obj.status = clone(prev.status);
  }

  private warnings(type: ResourceType, obj: Obj): string[] {
    const name = String((obj.metadata as Obj).name ?? "");
    if (type.plural === "pods" && name.includes(".")) {
      return ["metadata.name: this is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]"];
    }
    return [];
  }

  private allocations() {
    const services = this.store.list("services");
    const clusterIPs = new Set(services.map((s) => String((s.spec as Obj | undefined)?.clusterIP ?? "")));
    const nodePorts = new Set(
      services.flatMap((s) => (((s.spec as Obj | undefined)?.ports as Obj[] | undefined) ?? []).map((p) => Number(p.nodePort ?? 0))).filter((p) => p > 0),
    );
    return { clusterIPs, nodePorts };
  }
}

/** ObjectMeta's lists and maps are omitempty: an empty one is not stored, so it does not print as `[]`. */
function dropEmptyMetadata(meta: Obj): void {
  for (const k of ["finalizers", "ownerReferences"]) if (Array.isArray(meta[k]) && (meta[k] as unknown[]).length === 0) delete meta[k];
  for (const k of ["labels", "annotations"]) if (isObj(meta[k]) && Object.keys(meta[k] as Obj).length === 0) delete meta[k];
}

/** The DaemonSet strategy keeps this annotation equal to the generation (daemonset/strategy.go). */
function stampTemplateGeneration(meta: Obj): void {
  meta.annotations = { ...(isObj(meta.annotations) ? meta.annotations : {}), "deprecated.daemonset.template.generation": String(meta.generation ?? 1) };
}

/** The service REST's patchAllocatedValues: IPs and node ports the update leaves out are kept. */
function keepAllocations(obj: Obj, prev: Obj): void {
  const spec = isObj(obj.spec) ? obj.spec : (obj.spec = {});
  const old = isObj(prev.spec) ? prev.spec : {};
  if (spec.clusterIP === undefined || spec.clusterIP === "") spec.clusterIP = old.clusterIP;
  if (spec.clusterIPs === undefined) spec.clusterIPs = old.clusterIPs;
  const oldPorts = Array.isArray(old.ports) ? (old.ports as Obj[]) : [];
  if (Array.isArray(spec.ports)) {
    for (const p of spec.ports as Obj[]) {
      const match = oldPorts.find((o) => o.port === p.port && (o.protocol ?? "TCP") === (p.protocol ?? "TCP"));
      if (match && !p.nodePort && match.nodePort) p.nodePort = match.nodePort;
    }
  }
}

/** A Job's controller-uid selector and labels are the server's, kept across updates. */
function keepJobLabels(obj: Obj, prev: Obj): void {
  const spec = isObj(obj.spec) ? obj.spec : (obj.spec = {});
  const old = isObj(prev.spec) ? prev.spec : {};
  if (spec.selector === undefined) spec.selector = clone(old.selector);
  const meta = obj.metadata as Obj;
  meta.labels = { ...((prev.metadata as Obj).labels as Obj), ...(isObj(meta.labels) ? meta.labels : {}) };
  const t = isObj(spec.template) ? spec.template : undefined;
  const ot = isObj(old.template) ? old.template : undefined;
  if (t && ot) {
    const tm = isObj(t.metadata) ? t.metadata : (t.metadata = {});
    tm.labels = { ...((isObj(ot.metadata) ? ot.metadata.labels : {}) as Obj), ...(isObj(tm.labels) ? tm.labels : {}) };
  }
}

function sameContent(a: Obj, b: Obj): boolean {
  const strip = (o: Obj) => ({ ...o, metadata: { ...(o.metadata as Obj), resourceVersion: undefined } });
  return JSON.stringify(sortKeys(strip(a))) === JSON.stringify(sortKeys(strip(b)));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isObj(v)) return Object.fromEntries(Object.keys(v).filter((k) => v[k] !== undefined).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}

/** The order etcd returns a list in: by key, namespace then name. */
function sortByKey(items: KubeObject[]): KubeObject[] {
  const keyed = items.map((o) => ({ key: `${o.metadata.namespace ?? ""}/${o.metadata.name}`, o }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.o);
}
