import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { LessonPage } from "./lesson-page";

// The exam room end to end, on the short exams in e2e/exams/ (the server reads them
// through KUBELAB_EXAMS_DIR): a timed attempt solved in part and submitted, and an
// attempt whose deadline passes while it is open.

/** What the browser sends; a request made outside the page sends no language of its own. */
const ENGLISH = { "accept-language": "en-US,en;q=0.9" };

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).exclude(".xterm").analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

async function start(page: Page, examId: string, button: RegExp): Promise<string> {
  await page.goto(`/exams/${examId}`);
  await page.getByRole("button", { name: button }).click();
  await page.waitForURL(/\/exams\/attempts\/[^/]+$/);
  return page.url().split("/").pop() as string;
}

test("an exam: two tasks solved by typing, one left wrong, submitted, reported task by task", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const id = await start(page, "e2e-mock", /Start the exam/);
  const room = new LessonPage(page);
  await expect(room.screen).toContainText("base:~$");
  await expect(page.getByTestId("countdown")).toHaveText(/^00:(29|30):\d\d$/);

  // nothing the grader uses reached the browser: no check message, no solution
  const html = await page.content();
  for (const secret of ["The pod runs nginx:1.27.", "The node is cordoned.", "kubectl cordon cka1000-node1", "disk=ssd\n", "solution"]) expect(html).not.toContain(secret);

  expect(await seriousViolations(page)).toEqual([]);

  // task 1: its name is drawn for this attempt; the page says which
  await expect(page.getByTestId("access-line")).toHaveText("ssh cka1000");
  const name = await page.locator(".task-text code").first().textContent();
  expect(["web", "api", "shop"]).toContain(name);
  await room.type("kubectl get nodes");
  await expect(room.screen).toContainText("The connection to the server localhost:8080 was refused");
  await room.type("ssh cka1000");
  await expect(room.screen).toContainText("cka1000:~$");
  await room.type(`kubectl run ${name} --image=nginx:1.27`);
  await expect(room.row(`pod/${name} created`)).toBeVisible();

  // task 2, flagged then done
  await page.getByRole("button", { name: /^Task 2/ }).click();
  await page.getByRole("button", { name: /Flag for review/ }).click();
  await expect(page.getByRole("button", { name: /^Task 2/ })).toContainText("flagged");
  await room.type("k cordon cka1000-node1");
  await expect(room.row("node/cka1000-node1 cordoned")).toBeVisible();
  await page.getByRole("button", { name: /Mark done/ }).click();
  await expect(page.getByRole("button", { name: /^Task 2/ })).toContainText("done");

  // task 3 left wrong: the wrong label value
  await page.getByRole("button", { name: /^Task 3/ }).click();
  await room.type("kubectl label node cka1000-node1 disk=hdd");
  await expect(room.row("node/cka1000-node1 labeled")).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/exam-room-light.png" });

  // a timed attempt cannot be checked task by task
  expect((await page.request.post(`/api/exam-attempts/${id}/check`, { data: { task: "cordon" } })).status()).toBe(403);

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Submit" }).click();
  await page.waitForURL(`**/exams/attempts/${id}/report`);
  await expect(page.getByTestId("total")).toHaveText("75%");
  await expect(page.getByTestId("verdict")).toContainText("pass");
  await expect(page.getByTestId("score-run-pod")).toContainText("40");
  await expect(page.getByTestId("score-cordon")).toContainText("35");
  await expect(page.getByTestId("score-label-node").locator("td").first()).toHaveText("0");
  const wrong = page.locator("#task-label-node");
  await expect(wrong).toContainText("✗ The node carries the label disk=ssd.");
  await expect(wrong).toContainText('expected {.metadata.labels.disk} "ssd", found "hdd"');
  await expect(wrong.locator("pre").first()).toHaveText("ssh cka1000\nkubectl label node cka1000-node1 disk=ssd\n");
  await expect(wrong).toContainText("disk: hdd");
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: "docs/screenshots/exam-report-light.png", fullPage: true });

  // the ended attempt's terminal refuses commands, and the room sends you to the report
  const refused = await page.request.post(`/api/exam-attempts/${id}/commands`, { data: { line: "kubectl get pods" }, headers: ENGLISH });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { error: string }).error).toMatch(/^This attempt was submitted at/);
  await page.goto(`/exams/attempts/${id}`);
  await page.waitForURL(`**/exams/attempts/${id}/report`);

  // the history lists it, with its score
  await page.goto("/exams");
  await expect(page.getByRole("row", { name: /Browser test mock exam/ })).toContainText("75%");
});

test("the deadline closes the attempt on the server while the room is open", async ({ page }) => {
  test.setTimeout(90_000);
  const id = await start(page, "e2e-deadline", /Start the exam/);
  const room = new LessonPage(page);
  await expect(room.screen).toContainText("base:~$");
  await expect(page.getByTestId("access-line")).toHaveText("kubectl config use-context k8s-c1");
  await room.type("kubectl config use-context k8s-c1");
  await expect(room.row('Switched to context "k8s-c1".')).toBeVisible();
  // fifteen seconds: the room follows the server to the report
  await page.waitForURL(`**/exams/attempts/${id}/report`, { timeout: 40_000 });
  await expect(page.getByText("graded when time ran out")).toBeVisible();
  await expect(page.getByTestId("total")).toHaveText("0%");
  const refused = await page.request.post(`/api/exam-attempts/${id}/commands`, { data: { line: "kubectl run late --image=nginx:1.27" }, headers: ENGLISH });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { error: string }).error).toMatch(/^Time is up: the exam ended at \d\d:\d\d UTC/);
});

test("practice: no timer, and a task can be checked on its own", async ({ page }) => {
  const id = await start(page, "e2e-mock", /Practice/);
  const room = new LessonPage(page);
  await expect(room.screen).toContainText("base:~$");
  await expect(page.getByTestId("countdown")).toHaveCount(0);
  await page.getByRole("button", { name: /^Task 2/ }).click();
  await page.getByRole("button", { name: "Check this task" }).click();
  await expect(page.locator(".check-results")).toContainText("✗ The node is cordoned.");
  await room.type("ssh cka1000 kubectl cordon cka1000-node1");
  await expect(room.row("node/cka1000-node1 cordoned")).toBeVisible();
  await page.getByRole("button", { name: "Check this task" }).click();
  await expect(page.locator(".check-results")).toContainText("✓ The node is cordoned.");
  // another user cannot reach this attempt, even knowing its id
  const other = await page.context().browser()?.newContext({ baseURL: page.url().replace(/\/exams.*/, "") });
  const stranger = await other?.newPage();
  await stranger?.goto("/");
  const answer = await stranger?.request.post(`/api/exam-attempts/${id}/commands`, { data: { line: "kubectl get nodes" } });
  expect([401, 404]).toContain(answer?.status());
  await other?.close();
});
