/**
 * SetDefaults_LimitRangeItem (pkg/apis/core/v1/defaults.go): a Container item's missing
 * default limit is its max, and its missing default request is its default limit, else
 * its min. That is why a LimitRange with only `default` also sets requests.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Copies the entries of `from` that `into` lacks; the list is left out when it ends up empty (omitempty). */
function fillFrom(item: Obj, into: string, from: string): void {
  const target = isObj(item[into]) ? { ...item[into] } : {};
  const source = isObj(item[from]) ? item[from] : {};
  for (const [name, value] of Object.entries(source)) if (!Object.hasOwn(target, name)) target[name] = value;
  if (Object.keys(target).length > 0) item[into] = target;
}

export function defaultLimitRange(lr: Obj): void {
  const spec = isObj(lr.spec) ? lr.spec : undefined;
  const limits = spec && Array.isArray(spec.limits) ? spec.limits : [];
  for (const item of limits) {
    if (!isObj(item) || item.type !== "Container") continue;
    fillFrom(item, "default", "max");
    fillFrom(item, "defaultRequest", "default");
    fillFrom(item, "defaultRequest", "min");
  }
}
