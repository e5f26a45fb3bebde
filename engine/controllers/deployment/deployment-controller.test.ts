import { describe, expect, it } from "vitest";
import { kubectlArgs, kubectlLine, shell, testWorkspace } from "../../testing";
import type { Workspace } from "../../workspace";

const HASH = "[4-9bcdf]{1,10}";
const SUFFIX = "[bcdfghjklmnpqrstvwxz2456789]{5}";

async function jsonpath(ws: Workspace, target: string, path: string): Promise<string> {
  const r = await kubectlArgs(ws, ["get", ...target.split(" "), "-o", `jsonpath=${path}`]);
  return r.stdout;
}

/** The deployment controller's event messages, oldest first. */
async function scalingEvents(ws: Workspace): Promise<string[]> {
  const all = await jsonpath(ws, "events", '{range .items[?(@.reason=="ScalingReplicaSet")]}{.message}{"\\n"}{end}');
  return all.split("\n").filter(Boolean);
}

async function replicaSets(ws: Workspace): Promise<string[]> {
  return (await jsonpath(ws, "rs --sort-by=.metadata.creationTimestamp", '{range .items[*]}{.metadata.name}{"\\n"}{end}')).split("\n").filter(Boolean);
}

async function deployment(replicas = 3, extra: readonly string[] = []): Promise<Workspace> {
  const ws = testWorkspace();
  await kubectlArgs(ws, ["create", "deployment", "web", "--image=nginx:1.14.2", `--replicas=${replicas}`, ...extra]);
  ws.advance(30_000);
  return ws;
}

describe("the Deployment controller", () => {
  it("creates a ReplicaSet <deployment>-<pod-template-hash> owning pods <replicaset>-<5 chars>", async () => {
    const ws = await deployment();
    const [rs] = await replicaSets(ws);
    expect(rs).toMatch(new RegExp(`^web-${HASH}$`));
    const hash = rs.slice("web-".length);
    expect(await jsonpath(ws, `rs ${rs}`, "{.metadata.labels.pod-template-hash} {.spec.selector.matchLabels.pod-template-hash} {.spec.template.metadata.labels.pod-template-hash}")).toBe(`${hash} ${hash} ${hash}`);
    expect(await jsonpath(ws, `rs ${rs}`, "{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name} {.metadata.ownerReferences[0].controller} {.metadata.ownerReferences[0].blockOwnerDeletion}")).toBe("Deployment/web true true");
    expect(await jsonpath(ws, `rs ${rs}`, "{.metadata.annotations}")).toBe('{"deployment.kubernetes.io/desired-replicas":"3","deployment.kubernetes.io/max-replicas":"4","deployment.kubernetes.io/revision":"1"}');
    const pods = (await jsonpath(ws, "pods", "{.items[*].metadata.name}")).split(" ");
    expect(pods).toHaveLength(3);
    for (const p of pods) expect(p).toMatch(new RegExp(`^${rs}-${SUFFIX}$`));
    expect(await scalingEvents(ws)).toEqual([`Scaled up replica set ${rs} from 0 to 3`]);
    const created = await jsonpath(ws, "events", '{range .items[?(@.reason=="SuccessfulCreate")]}{.source.component}: {.message}{"\\n"}{end}');
    expect(created.split("\n").filter(Boolean).sort()).toEqual(pods.map((p) => `replicaset-controller: Created pod: ${p}`).sort());
  });

  it("reports revision 1, the Available and Progressing conditions and the replica counts", async () => {
    const ws = await deployment();
    const [rs] = await replicaSets(ws);
    expect(await jsonpath(ws, "deploy web", "{.metadata.annotations.deployment\\.kubernetes\\.io/revision}")).toBe("1");
    expect(await jsonpath(ws, "deploy web", '{range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{"\\n"}{end}')).toBe(
      `Available=True MinimumReplicasAvailable: Deployment has minimum availability.\nProgressing=True NewReplicaSetAvailable: ReplicaSet "${rs}" has successfully progressed.\n`,
    );
    const counts = "{.status.observedGeneration} {.status.replicas} {.status.updatedReplicas} {.status.readyReplicas} {.status.availableReplicas} {.status.terminatingReplicas} [{.status.unavailableReplicas}]";
    expect(await jsonpath(ws, "deploy web", counts)).toBe("1 3 3 3 3 0 []");
    expect((await kubectlLine(ws, "get deploy web")).stdout).toBe("NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    3/3     3            3           30s\n");
  });

  it("rolls out a new image one surge pod at a time (maxSurge 25% → 1, maxUnavailable 25% → 0 of 3)", async () => {
    const ws = await deployment();
    const [old] = await replicaSets(ws);
    expect((await kubectlLine(ws, "set image deployment/web nginx=nginx:1.16.1")).stdout).toBe("deployment.apps/web image updated\n");
    ws.advance(60_000);
    const [, next] = await replicaSets(ws);
    expect(next).toMatch(new RegExp(`^web-${HASH}$`));
    expect(await scalingEvents(ws)).toEqual([
      `Scaled up replica set ${old} from 0 to 3`,
      `Scaled up replica set ${next} from 0 to 1`,
      `Scaled down replica set ${old} from 3 to 2`,
      `Scaled up replica set ${next} from 1 to 2`,
      `Scaled down replica set ${old} from 2 to 1`,
      `Scaled up replica set ${next} from 2 to 3`,
      `Scaled down replica set ${old} from 1 to 0`,
    ]);
    expect(await jsonpath(ws, "deploy web", "{.metadata.annotations.deployment\\.kubernetes\\.io/revision} {.status.updatedReplicas}")).toBe("2 3");
    expect(await jsonpath(ws, `rs ${old}`, "{.metadata.annotations.deployment\\.kubernetes\\.io/revision} {.spec.replicas}")).toBe("1 0");
    expect(await jsonpath(ws, `rs ${next}`, "{.metadata.annotations.deployment\\.kubernetes\\.io/revision} {.spec.replicas}")).toBe("2 3");
  });

  it("scales the ReplicaSet up and down, deleting surplus pods", async () => {
    const ws = await deployment();
    const [rs] = await replicaSets(ws);
    await kubectlLine(ws, "scale deployment web --replicas=5");
    ws.advance(5_000);
    expect(await jsonpath(ws, `rs ${rs}`, "{.spec.replicas} {.status.replicas} {.metadata.annotations.deployment\\.kubernetes\\.io/desired-replicas} {.metadata.annotations.deployment\\.kubernetes\\.io/max-replicas}")).toBe("5 5 5 7");
    await kubectlLine(ws, "scale deployment web --replicas=2");
    ws.advance(40_000);
    expect(await scalingEvents(ws)).toEqual([`Scaled up replica set ${rs} from 0 to 3`, `Scaled up replica set ${rs} from 3 to 5`, `Scaled down replica set ${rs} from 5 to 2`]);
    const deleted = await jsonpath(ws, "events", '{range .items[?(@.reason=="SuccessfulDelete")]}{.message}{"\\n"}{end}');
    expect(deleted.split("\n").filter(Boolean)).toHaveLength(3);
    expect((await kubectlLine(ws, "get pods --no-headers")).stdout.trim().split("\n")).toHaveLength(2);
  });

  it("with the Recreate strategy scales the old ReplicaSet to zero before creating the new one", async () => {
    const ws = testWorkspace();
    await shell(
      ws,
      `kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  strategy: {type: Recreate}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: "nginx:1.14.2"}]
EOF`,
    );
    ws.advance(30_000);
    const [old] = await replicaSets(ws);
    await kubectlLine(ws, "set image deployment/web nginx=nginx:1.16.1");
    expect(await replicaSets(ws)).toEqual([old]);
    ws.advance(60_000);
    const [, next] = await replicaSets(ws);
    expect(await scalingEvents(ws)).toEqual([`Scaled up replica set ${old} from 0 to 2`, `Scaled down replica set ${old} from 2 to 0`, `Scaled up replica set ${next} from 0 to 2`]);
  });

  it("leaves a paused Deployment's pods alone until it is resumed", async () => {
    const ws = await deployment(2);
    await kubectlLine(ws, "rollout pause deployment/web");
    await kubectlLine(ws, "set image deployment/web nginx=nginx:1.16.1");
    ws.advance(10_000);
    expect(await replicaSets(ws)).toHaveLength(1);
    expect(await jsonpath(ws, "deploy web", '{.status.conditions[?(@.type=="Progressing")].reason} {.status.updatedReplicas}')).toBe("DeploymentPaused ");
    await kubectlLine(ws, "rollout resume deployment/web");
    ws.advance(60_000);
    expect(await replicaSets(ws)).toHaveLength(2);
    expect(await jsonpath(ws, "deploy web", '{.status.conditions[?(@.type=="Progressing")].reason} {.status.updatedReplicas}')).toBe("NewReplicaSetAvailable 2");
  });

  it("has its ReplicaSets and pods removed by the garbage collector when deleted", async () => {
    const ws = await deployment();
    await kubectlLine(ws, "delete deployment web");
    ws.advance(40_000);
    expect(await kubectlLine(ws, "get rs,pods")).toEqual({ stdout: "", stderr: "No resources found in default namespace.\n", status: 0 });
  });

  it("adopts an orphaned ReplicaSet whose template matches", async () => {
    const ws = await deployment(2);
    const [rs] = await replicaSets(ws);
    await kubectlLine(ws, "delete deployment web --cascade=orphan");
    ws.advance(5_000);
    expect(await jsonpath(ws, `rs ${rs}`, "{.metadata.ownerReferences}")).toBe("");
    await kubectlArgs(ws, ["create", "deployment", "web", "--image=nginx:1.14.2", "--replicas=2"]);
    ws.advance(5_000);
    expect(await replicaSets(ws)).toEqual([rs]);
    expect(await jsonpath(ws, `rs ${rs}`, "{.metadata.ownerReferences[0].name} {.status.readyReplicas}")).toBe("web 2");
  });

  it("gives the same names and bytes to the same script", async () => {
    const run = async () => {
      const ws = await deployment();
      await kubectlLine(ws, "set image deployment/web nginx=nginx:1.16.1");
      ws.advance(60_000);
      return (await kubectlLine(ws, "get deploy,rs,pods -o wide")).stdout + (await kubectlLine(ws, "describe deployment web")).stdout;
    };
    expect(await run()).toBe(await run());
  });
});
