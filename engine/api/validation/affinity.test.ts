import { describe, expect, it } from "vitest";
import { shell, testWorkspace } from "../../testing";
import { validateAffinity } from "./affinity";

const NODE_REQ = "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0]";
const NODE_PREF = "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]";
const ANTI_REQ = "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]";
const POD_PREF = "spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]";
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

const required = (...matchExpressions: object[]) => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions }] } } });
const term = (extra: object) => ({ labelSelector: { matchLabels: { app: "web" } }, topologyKey: "kubernetes.io/hostname", ...extra });

describe("validateAffinity", () => {
  const cases: { name: string; affinity: object; want: string[] }[] = [
    { name: "a valid spec", affinity: { ...required({ key: "size", operator: "Gt", values: ["3"] }), podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({})] } }, want: [] },
    { name: "Gt with two values", affinity: required({ key: "size", operator: "Gt", values: ["1", "2"] }), want: [`${NODE_REQ}.values: Required value: must be specified single value when \`operator\` is 'Lt' or 'Gt'`] },
    { name: "Lt without a value", affinity: required({ key: "size", operator: "Lt" }), want: [`${NODE_REQ}.values: Required value: must be specified single value when \`operator\` is 'Lt' or 'Gt'`] },
    { name: "Exists with values", affinity: required({ key: "ssd", operator: "Exists", values: ["yes"] }), want: [`${NODE_REQ}.values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`] },
    { name: "In without values", affinity: required({ key: "zone", operator: "In" }), want: [`${NODE_REQ}.values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`] },
    { name: "an unknown operator", affinity: required({ key: "zone", operator: "Equals", values: ["a"] }), want: [`${NODE_REQ}.operator: Invalid value: "Equals": not a valid selector operator`] },
    { name: "a key that is no label key", affinity: required({ key: "disk type", operator: "Exists" }), want: [`${NODE_REQ}.key: Invalid value: "disk type": ${NAME_PART}`] },
    {
      name: "a required value that is no label value",
      affinity: required({ key: "zone", operator: "In", values: ["eu west"] }),
      want: [
        `${NODE_REQ}.values[0]: Invalid value: "eu west": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      ],
    },
    {
      name: "no node selector terms",
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } },
      want: ["spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term"],
    },
    {
      name: "a field selector on something else than the name",
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.labels", operator: "In", values: ["a", "b"] }] }] } } },
      want: [
        "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values: Required value: must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
        'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].key: Invalid value: "metadata.labels": not a valid field selector key',
      ],
    },
    {
      name: "preferred weights out of range, the preference checked too",
      affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 101, preference: { matchExpressions: [{ key: "zone", operator: "NotIn" }] } }] } },
      want: [`${NODE_PREF}.weight: Invalid value: 101: must be in the range 1-100`, `${NODE_PREF}.preference.matchExpressions[0].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`],
    },
    { name: "a preferred weight left out is 0", affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ preference: {} }] } }, want: [`${NODE_PREF}.weight: Invalid value: 0: must be in the range 1-100`] },
    {
      name: "an empty topologyKey",
      affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ topologyKey: "" })] } },
      want: [`${ANTI_REQ}.topologyKey: Required value: can not be empty`, `${ANTI_REQ}.topologyKey: Invalid value: "": name part must be non-empty`, `${ANTI_REQ}.topologyKey: Invalid value: "": ${NAME_PART}`],
    },
    {
      name: "a preferred pod affinity term: weight, then its term's label selector",
      affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: -1, podAffinityTerm: term({ labelSelector: { matchExpressions: [{ key: "app", operator: "DoesNotExist", values: ["web"] }] } }) }] } },
      want: [`${POD_PREF}.weight: Invalid value: -1: must be in the range 1-100`, `${POD_PREF}.podAffinityTerm.labelSelector.matchExpressions[0].values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`],
    },
    {
      name: "namespaces and matchLabelKeys",
      affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ namespaces: ["Shop"], matchLabelKeys: ["pod-template-hash"], topologyKey: "zone" }] } },
      want: [
        `${ANTI_REQ}.namespace: Invalid value: "Shop": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
        `${ANTI_REQ}.matchLabelKeys: Forbidden: must not be specified when labelSelector is not set`,
      ],
    },
  ];
  it.each(cases)("$name", ({ affinity, want }) => {
    expect(validateAffinity(affinity, "spec.affinity").map((c) => c.message)).toEqual(want);
  });
});

describe("an invalid affinity, through kubectl", () => {
  it("is refused by the API server and nothing is created", async () => {
    const ws = testWorkspace();
    const r = await shell(
      ws,
      "kubectl run web --image=nginx --overrides='{\"spec\":{\"affinity\":{\"nodeAffinity\":{\"requiredDuringSchedulingIgnoredDuringExecution\":{\"nodeSelectorTerms\":[{\"matchExpressions\":[{\"key\":\"cores\",\"operator\":\"Gt\",\"values\":[\"1\",\"2\"]}]}]}}}}}'",
    );
    expect(r.stderr).toBe(`The Pod "web" is invalid: ${NODE_REQ}.values: Required value: must be specified single value when \`operator\` is 'Lt' or 'Gt'\n`);
    expect(r.status).toBe(1);
    expect((await shell(ws, "kubectl get pods")).stderr).toBe("No resources found in default namespace.\n");
  });
});
