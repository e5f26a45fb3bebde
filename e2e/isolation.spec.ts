import { expect, test } from "@playwright/test";
import { LessonPage } from "./lesson-page";

const LESSON = "/learn/pods/what-is-a-pod";

test("another visitor cannot see or touch the first visitor's cluster", async ({ browser, playwright, baseURL }) => {
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  const a = new LessonPage(await alice.newPage());
  await a.open(LESSON);
  await a.type("kubectl run alices-pod --image=nginx");
  await expect(a.screen).toContainText("pod/alices-pod created");

  const b = new LessonPage(await bob.newPage());
  await b.open(LESSON);
  await b.type("kubectl get pods alices-pod");
  await expect(b.screen).toContainText('Error from server (NotFound): pods "alices-pod" not found');
  await b.type("kubectl delete pods --all");
  await expect(b.screen).toContainText("No resources found");

  // the same routes, asked with no session at all, answer nothing about anyone's cluster
  const stranger = await playwright.request.newContext({ baseURL });
  expect((await stranger.get("/api/lessons/pods/what-is-a-pod/cluster")).status()).toBe(401);
  expect((await stranger.post("/api/lessons/pods/what-is-a-pod/commands", { data: { line: "kubectl delete pods --all" } })).status()).toBe(401);
  await stranger.dispose();
  // and a lesson that does not exist has no cluster to run on, even for a visitor
  const nowhere = await alice.request.post("/api/lessons/pods/no-such-lesson/commands", { data: { line: "kubectl get pods" } });
  expect(nowhere.status()).toBe(404);
  expect(await nowhere.json()).toEqual({ error: "no lesson pods/no-such-lesson" });

  await a.type("kubectl get pods --no-headers -o custom-columns=NAME:.metadata.name");
  await expect(a.row("alices-pod")).toHaveCount(1);
  await alice.close();
  await bob.close();
});
