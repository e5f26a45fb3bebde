/**
 * The checks a teacher writes under `checks:` in an exercise block, as zod schemas (the
 * lessons loader validates with them, the grader runs what they accept). A check names
 * one subject (an object, a pod, a volume, an event, a command's output, a file, or a
 * group of checks), what it must be, and the message a learner sees when it fails.
 */
import { z } from "zod";

const name = z.string().min(1);
const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** What a value (always compared as kubectl would print it) must be. */
export const comparatorSchema = z
  .object({
    equals: scalar.optional(),
    matches: z.string().optional(),
    contains: z.string().optional(),
    notContains: z.string().optional(),
    oneOf: z.array(scalar).min(1).optional(),
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
  })
  .strict();
export type Comparator = z.infer<typeof comparatorSchema>;
export const COMPARATOR_KEYS = Object.keys(comparatorSchema.shape) as (keyof Comparator)[];

/** An object by kind (as kubectl accepts it: `pod`, `deploy`, `Deployment`), name and namespace. */
export const objectRefSchema = z.object({ kind: name, name, namespace: z.string().optional() }).strict();
export type ObjectRef = z.infer<typeof objectRefSchema>;

export const podRefSchema = z.object({ name, namespace: z.string().optional() }).strict();

export const podExpectSchema = z
  .object({
    /** status.phase: Pending, Running, Succeeded, Failed */
    phase: z.enum(["Pending", "Running", "Succeeded", "Failed", "Unknown"]).optional(),
    /** the STATUS column of `kubectl get pods`: Running, Completed, CrashLoopBackOff, Init:0/2 ... */
    status: z.string().optional(),
    /** the Ready condition */
    ready: z.boolean().optional(),
    /** number of regular containers */
    containers: z.number().int().nonnegative().optional(),
    containerNames: z.array(name).optional(),
    initContainers: z.number().int().nonnegative().optional(),
    /** restarts of all containers together, at least this many */
    restartsAtLeast: z.number().int().nonnegative().optional(),
    /** the node's labels include these (scheduled onto a matching node) */
    nodeLabels: z.record(z.string(), z.string()).optional(),
    node: z.string().optional(),
    qosClass: z.enum(["Guaranteed", "Burstable", "BestEffort"]).optional(),
  })
  .strict();
export type PodExpect = z.infer<typeof podExpectSchema>;

const common = {
  /** shown to the learner when the check fails */
  message: z.string().min(1),
  /** relative weight in the score (default 1) */
  weight: z.number().positive().optional(),
  /** the check already holds after the setup (it guards what must stay, e.g. "the pod still exists") */
  passesBeforeSolution: z.boolean().optional(),
  /** which cluster of a multi-cluster workspace (default: the first) */
  cluster: z.string().optional(),
};

const existsCheck = z.object({ exists: objectRefSchema, ...common }).strict();
const absentCheck = z.object({ absent: objectRefSchema, ...common }).strict();
const jsonpathCheck = z.object({ jsonpath: objectRefSchema.extend({ path: name }).strict(), ...comparatorSchema.shape, ...common }).strict();
const countCheck = z
  .object({ count: z.object({ kind: name, namespace: z.string().optional(), selector: z.string().optional() }).strict(), ...comparatorSchema.shape, ...common })
  .strict();
const podCheck = z.object({ pod: podRefSchema, expect: podExpectSchema, ...common }).strict();
const sharedVolumeCheck = z
  .object({
    sharedVolume: z
      .object({ pod: name, namespace: z.string().optional(), containers: z.array(name).min(2), type: z.string().optional() })
      .strict(),
    ...common,
  })
  .strict();
const eventCheck = z
  .object({
    event: z.object({ namespace: z.string().optional(), kind: z.string().optional(), name: z.string().optional(), reason: name, message: z.string().optional() }).strict(),
    ...common,
  })
  .strict();
const commandCheck = z
  .object({
    command: name,
    stdout: comparatorSchema.optional(),
    stderr: comparatorSchema.optional(),
    exitCode: z.number().int().optional(),
    ...common,
  })
  .strict();
const fileCheck = z
  .object({
    file: z.object({ path: name, host: z.string().optional(), jsonpath: z.string().optional() }).strict(),
    ...comparatorSchema.shape,
    ...common,
  })
  .strict();

export type Check =
  | z.infer<typeof existsCheck>
  | z.infer<typeof absentCheck>
  | z.infer<typeof jsonpathCheck>
  | z.infer<typeof countCheck>
  | z.infer<typeof podCheck>
  | z.infer<typeof sharedVolumeCheck>
  | z.infer<typeof eventCheck>
  | z.infer<typeof commandCheck>
  | z.infer<typeof fileCheck>
  | { allOf: Check[]; message: string; weight?: number; passesBeforeSolution?: boolean; cluster?: string }
  | { anyOf: Check[]; message: string; weight?: number; passesBeforeSolution?: boolean; cluster?: string };

const groupCheck = (key: "allOf" | "anyOf") => z.object({ [key]: z.array(z.unknown()).min(1), ...common }).strict();

const SCHEMAS = {
  exists: existsCheck,
  absent: absentCheck,
  jsonpath: jsonpathCheck,
  count: countCheck,
  pod: podCheck,
  sharedVolume: sharedVolumeCheck,
  event: eventCheck,
  command: commandCheck,
  file: fileCheck,
  allOf: groupCheck("allOf"),
  anyOf: groupCheck("anyOf"),
} as const;

/** The subject keys, one of which every check has. */
export const SUBJECT_KEYS = Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[];

/** A problem with a check, at a path inside it (`checks[2].expect.phase`). */
export interface CheckProblem {
  readonly path: string;
  readonly message: string;
}

export type CheckParse = { readonly ok: true; readonly value: Check } | { readonly ok: false; readonly problems: readonly CheckProblem[] };

function pathText(base: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : `${acc}.${String(k)}`), base);
}

/**
 * Validates one check. The subject key picks the schema, so a mistake is reported
 * against that kind of check ("checks[1].expect.phase: Invalid option ...") rather than
 * as a failed union.
 */
export function parseCheck(raw: unknown, at = "check"): CheckParse {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { ok: false, problems: [{ path: at, message: "a check is a mapping with one of: " + SUBJECT_KEYS.join(", ") }] };
  const subjects = SUBJECT_KEYS.filter((k) => k in raw);
  if (subjects.length !== 1) {
    const message = subjects.length === 0 ? `a check needs one of: ${SUBJECT_KEYS.join(", ")}` : `a check has one subject, found ${subjects.join(" and ")}`;
    return { ok: false, problems: [{ path: at, message }] };
  }
  const subject = subjects[0];
  const parsed = SCHEMAS[subject].safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => ({ path: pathText(at, i.path), message: i.message })) };
  if (subject !== "allOf" && subject !== "anyOf") return { ok: true, value: parsed.data as Check };
  const items = (raw as Record<string, unknown[]>)[subject];
  const children: Check[] = [];
  const problems: CheckProblem[] = [];
  items.forEach((item, i) => {
    const child = parseCheck(item, `${at}.${subject}[${i}]`);
    if (child.ok) children.push(child.value);
    else problems.push(...child.problems);
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { ...(parsed.data as object), [subject]: children } as unknown as Check };
}
