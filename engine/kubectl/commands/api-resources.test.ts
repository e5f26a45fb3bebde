/**
 * `kubectl api-resources`: the served types as kubectl lists them, its filters, sort
 * orders, output formats and errors (pkg/cmd/apiresources).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kubectlLine, testWorkspace } from "../../testing";

const golden = (name: string) => readFileSync(join(__dirname, "testdata", "api-resources", name), "utf8");

describe("kubectl api-resources", () => {
  it("prints the table sorted by group, then name", async () => {
    expect(await kubectlLine(testWorkspace(), "api-resources")).toEqual({ stdout: golden("table.txt"), stderr: "", status: 0 });
  });

  it("-o wide adds VERBS and CATEGORIES", async () => {
    expect(await kubectlLine(testWorkspace(), "api-resources -o wide")).toEqual({ stdout: golden("wide.txt"), stderr: "", status: 0 });
  });

  it.each([
    ["api-resources --namespaced=false", "NAME         SHORTNAMES   APIVERSION   NAMESPACED   KIND\nnamespaces   ns           v1           false        Namespace\nnodes        no           v1           false        Node\n"],
    ["api-resources -o name --api-group=apps", "daemonsets.apps\ndeployments.apps\nreplicasets.apps\n"],
    ["api-resources -o name --api-group=", "configmaps\nendpoints\nevents\nlimitranges\nnamespaces\nnodes\npods\nresourcequotas\nsecrets\nserviceaccounts\nservices\n"],
    ["api-resources --api-group=batch --no-headers", "cronjobs   cj    batch/v1   true   CronJob\njobs             batch/v1   true   Job\n"],
    ["api-resources -o name --verbs=deletecollection --namespaced=false", "nodes\n"],
    ["api-resources -o name --categories=all --sort-by=kind", "cronjobs.batch\ndaemonsets.apps\ndeployments.apps\njobs.batch\npods\nreplicasets.apps\nservices\n"],
    ["api-resources -o name --api-group=apps --sort-by=name", "daemonsets.apps\ndeployments.apps\nreplicasets.apps\n"],
    // the printer writes its header even when no type matches
    ["api-resources --api-group=nope", "NAME   SHORTNAMES   APIVERSION   NAMESPACED   KIND\n"],
  ])("%s", async (line, stdout) => {
    expect(await kubectlLine(testWorkspace(), line)).toEqual({ stdout, stderr: "", status: 0 });
  });

  it("-o json prints the flattened APIResourceList", async () => {
    const r = await kubectlLine(testWorkspace(), "api-resources --api-group=batch -o json");
    expect(r.stdout).toBe(`{
    "kind": "APIResourceList",
    "apiVersion": "v1",
    "groupVersion": "",
    "resources": [
        {
            "name": "cronjobs",
            "singularName": "cronjob",
            "namespaced": true,
            "group": "batch",
            "version": "v1",
            "kind": "CronJob",
            "verbs": [
                "create",
                "delete",
                "deletecollection",
                "get",
                "list",
                "patch",
                "update",
                "watch"
            ],
            "shortNames": [
                "cj"
            ],
            "categories": [
                "all"
            ]
        },
        {
            "name": "jobs",
            "singularName": "job",
            "namespaced": true,
            "group": "batch",
            "version": "v1",
            "kind": "Job",
            "verbs": [
                "create",
                "delete",
                "deletecollection",
                "get",
                "list",
                "patch",
                "update",
                "watch"
            ],
            "categories": [
                "all"
            ]
        }
    ]
}
`);
  });

  it.each([
    ["api-resources pods", "error: unexpected arguments: [pods]\nSee 'kubectl api-resources -h' for help and examples\n"],
    ["api-resources --sort-by=age", "error: --sort-by accepts only name or kind\n"],
    ["api-resources -o xml", 'error: unable to match a printer suitable for the output format "xml", allowed formats are: json,kyaml,name,wide,yaml\n'],
  ])("%s fails as kubectl does", async (line, stderr) => {
    expect(await kubectlLine(testWorkspace(), line)).toEqual({ stdout: "", stderr, status: 1 });
  });
});
