/**
 * Label selectors: the string syntax of `-l` (apimachinery `labels.Parse`, set-based
 * included) and the structured `LabelSelector` of workload specs.
 */
import type { Result } from "./errors";

export type Operator = "=" | "!=" | "in" | "notin" | "exists" | "!" | "gt" | "lt";

export interface Requirement {
  readonly key: string;
  readonly op: Operator;
  readonly values: readonly string[];
}

export type Selector = readonly Requirement[];

type Token = { kind: "id" | "op" | "end"; text: string };

function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    const two = s.slice(i, i + 2);
    if (two === "==" || two === "!=") {
      tokens.push({ kind: "op", text: two });
      i += 2;
      continue;
    }
    if ("=!(),<>".includes(c)) {
      tokens.push({ kind: "op", text: c });
      i++;
      continue;
    }
    let j = i;
    while (j < s.length && !" \t=!(),<>".includes(s[j])) j++;
    tokens.push({ kind: "id", text: s.slice(i, j) });
    i = j;
  }
  tokens.push({ kind: "end", text: "" });
  return tokens;
}

/** Parses a `-l` selector. Error texts follow labels/selector.go. */
export function parseLabelSelector(input: string): Result<Selector> {
  const tokens = tokenize(input);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const reqs: Requirement[] = [];
  const err = (msg: string): Result<Selector> => ({ ok: false, error: { status: "Failure", reason: "BadRequest", code: 400, message: `unable to parse requirement: ${msg}` } });

  if (peek().kind === "end") return { ok: true, value: [] };
  for (;;) {
    let t = next();
    if (t.kind === "op" && t.text === "!") {
      const k = next();
      if (k.kind !== "id") return err(`found '${k.text}', expected: identifier`);
      reqs.push({ key: k.text, op: "!", values: [] });
    } else if (t.kind === "id") {
      const key = t.text;
      const o = peek();
      if (o.kind === "end" || (o.kind === "op" && o.text === ",")) {
        reqs.push({ key, op: "exists", values: [] });
      } else {
        next();
        const opText = o.kind === "id" ? o.text : o.text;
        if (opText === "in" || opText === "notin") {
          const open = next();
          if (open.text !== "(") return err(`found '${open.text}', expected: '('`);
          const values: string[] = [];
          for (;;) {
            t = next();
            if (t.kind === "id") {
              values.push(t.text);
              t = next();
            } else if (t.text === ")" && values.length === 0) {
              values.push("");
            }
            if (t.text === ")") break;
            if (t.text !== ",") return err(`found '${t.text}', expected: ',', ')' or identifier`);
          }
          reqs.push({ key, op: opText, values });
        } else if (opText === "=" || opText === "==" || opText === "!=" || opText === ">" || opText === "<") {
          const v = peek();
          let value = "";
          if (v.kind === "id") {
            value = v.text;
            next();
          }
          if ((opText === ">" || opText === "<") && !/^-?\d+$/.test(value)) {
            return err(`for 'Gt', 'Lt' operators, the value must be an integer`);
          }
          const op: Operator = opText === "!=" ? "!=" : opText === ">" ? "gt" : opText === "<" ? "lt" : "=";
          reqs.push({ key, op, values: [value] });
        } else {
          return err(`found '${opText}', expected: in, notin, =, ==, !=, gt, lt`);
        }
      }
    } else {
      return err(`found '${t.text}', expected: !, identifier, or 'end of string'`);
    }
    const sep = next();
    if (sep.kind === "end") break;
    if (sep.text !== ",") return err(`found '${sep.text}', expected: ',' or 'end of string'`);
  }
  return { ok: true, value: reqs };
}

export function matchesSelector(selector: Selector, labels: Readonly<Record<string, string>> | undefined): boolean {
  const l = labels ?? {};
  return selector.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.op) {
      case "=":
        return has && v === r.values[0];
      case "!=":
        return !has || v !== r.values[0];
      case "in":
        return has && r.values.includes(v);
      case "notin":
        return !has || !r.values.includes(v);
      case "exists":
        return has;
      case "!":
        return !has;
      case "gt":
        return has && /^-?\d+$/.test(v) && Number(v) > Number(r.values[0]);
      case "lt":
        return has && /^-?\d+$/.test(v) && Number(v) < Number(r.values[0]);
    }
  });
}

export interface LabelSelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** metav1.LabelSelectorAsSelector. */
export function selectorFromSpec(spec: LabelSelectorSpec | undefined): Selector {
  const reqs: Requirement[] = [];
  for (const [k, v] of Object.entries(spec?.matchLabels ?? {}).sort(([a], [b]) => a.localeCompare(b))) reqs.push({ key: k, op: "=", values: [v] });
  for (const e of spec?.matchExpressions ?? []) {
    const op: Operator = e.operator === "In" ? "in" : e.operator === "NotIn" ? "notin" : e.operator === "Exists" ? "exists" : "!";
    reqs.push({ key: e.key, op, values: e.values ?? [] });
  }
  return reqs;
}

/** metav1.FormatLabelSelector / Selector.String(): `app=nginx,tier in (a,b)`. */
export function formatSelector(selector: Selector): string {
  if (selector.length === 0) return "<none>";
  return selector
    .map((r) => {
      switch (r.op) {
        case "=":
          return `${r.key}=${r.values[0]}`;
        case "!=":
          return `${r.key}!=${r.values[0]}`;
        case "in":
          return `${r.key} in (${[...r.values].sort().join(",")})`;
        case "notin":
          return `${r.key} notin (${[...r.values].sort().join(",")})`;
        case "exists":
          return r.key;
        case "!":
          return `!${r.key}`;
        case "gt":
          return `${r.key}>${r.values[0]}`;
        case "lt":
          return `${r.key}<${r.values[0]}`;
      }
    })
    .join(",");
}
