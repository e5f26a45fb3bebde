/**
 * What every `kubectl create <kind>` subcommand shares (create.go's
 * CreateSubcommandOptions and each kind's Options): cobra's required flags, exactly one
 * NAME before `--`, `--dry-run`, the printer, `--validate`; then the kind's own generator
 * builds the object, exactly as kubectl's would, and it is submitted and printed.
 */
import type { StatusError } from "../../../api/errors";
import type { KubeObject } from "../../../api/object";
import type { ResourceType } from "../../../api/resources";
import { resourceForKind } from "../../../api/resources";
import type { CommandContext, CommandSpec } from "../../command";
import { fail, usageError } from "../../errors";
import type { FlagSpec } from "../../flags";
import { bool } from "../../flags";
import { DRY_RUN_FLAG, parseDryRun } from "../dry-run";
import { fieldManagerFlag, parseValidation, SAVE_CONFIG_FLAG, VALIDATE_FLAG } from "./common-flags";
import { objectPrinter, PRINT_FLAGS } from "./print-flags";
import { submit } from "./submit";

export interface Generated {
  readonly object: KubeObject;
  /** most generators wrap the server's error: `failed to create deployment: ...` */
  readonly errorPrefix?: string;
}

export type Generation = { ok: true; value: Generated } | { ok: false; error: string | StatusError };

export interface GeneratorSpec {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly short: string;
  readonly long: string;
  readonly example: string;
  readonly use: string;
  readonly kind: string;
  /** the kind's own flags; the print, dry-run, save-config, validate and field-manager flags are added */
  readonly flags: readonly FlagSpec[];
  /** flags cobra's MarkFlagRequired makes mandatory, checked before anything else */
  readonly required?: readonly string[];
  /** `namespace` is set only with an explicit `-n`, where kubectl's generators put it in the object */
  generate(ctx: CommandContext, name: string, namespace: string | undefined): Generation | Promise<Generation>;
}

/** ObjectMeta's first fields in Go struct order: name, then namespace when given. */
export function objectMeta(name: string, namespace: string | undefined): KubeObject["metadata"] {
  return namespace === undefined ? { name } : { name, namespace };
}

/** The resource type of a kind this simulator serves; a missing one is a programming error. */
export function typeOfKind(kind: string): ResourceType {
  const t = resourceForKind(kind);
  if (!t) throw new Error(`no resource type for kind ${kind}`);
  return t;
}

/** create.go NameFromCommandArgs: the arguments before `--` must be exactly one NAME. */
export function nameFromArgs(ctx: CommandContext): { ok: true; value: string } | { ok: false; error: string } {
  const n = ctx.flags.argsLenAtDash === -1 ? ctx.args.length : ctx.flags.argsLenAtDash;
  return n === 1 ? { ok: true, value: ctx.args[0] } : { ok: false, error: `exactly one NAME is required, got ${n}` };
}

/** The API server's message with the group-qualified kind an Invalid status carries in its text. */
export function statusMessage(e: StatusError, type: ResourceType): string {
  if (e.reason !== "Invalid" || !type.group) return e.message;
  return e.message.replace(`${type.kind} "`, `${type.kind}.${type.group} "`);
}

export function generatorCommand(spec: GeneratorSpec): CommandSpec {
  const type = typeOfKind(spec.kind);
  return {
    name: spec.name,
    aliases: spec.aliases,
    short: spec.short,
    long: spec.long,
    example: spec.example,
    use: spec.use,
    flags: [...spec.flags, ...PRINT_FLAGS, DRY_RUN_FLAG, SAVE_CONFIG_FLAG, VALIDATE_FLAG, fieldManagerFlag("kubectl-create")],
    async run(ctx) {
      const env = ctx.env;
      const missing = (spec.required ?? []).filter((f) => !ctx.flags.changed.has(f));
      if (missing.length) return fail(env.err, `required flag(s) ${missing.map((f) => `"${f}"`).join(", ")} not set`);
      const name = nameFromArgs(ctx);
      if (!name.ok) return usageError(env.err, ctx.path, name.error);
      const dryRun = parseDryRun(ctx.flags);
      if (!dryRun.ok) return fail(env.err, dryRun.error);
      const printer = objectPrinter(env, ctx.flags, "created", dryRun.value, type);
      if (!printer.ok) return fail(env.err, printer.error);
      const validation = parseValidation(ctx.flags);
      if (!validation.ok) return fail(env.err, validation.error);
      const generated = await spec.generate(ctx, name.value, env.explicitNamespace && type.namespaced ? env.namespace : undefined);
      if (!generated.ok) return fail(env.err, generated.error);
      const object = generated.value.object;
      const submitted = submit(env, { type, object, namespace: env.namespace, dryRun: dryRun.value, saveConfig: bool(ctx.flags, "save-config"), validation: validation.value });
      if (!submitted.ok) {
        const prefix = generated.value.errorPrefix;
        return fail(env.err, prefix === undefined ? submitted.error : `${prefix}${statusMessage(submitted.error, type)}`);
      }
      const text = printer.value.print(submitted.value, type, { structOrder: dryRun.value === "client" });
      if (!text.ok) return fail(env.err, text.error);
      env.out(text.value);
      return 0;
    },
  };
}
