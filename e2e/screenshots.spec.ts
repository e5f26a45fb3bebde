import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { LessonPage } from "./lesson-page";

// Pictures of the main pages in both themes, for the README (docs/screenshots/), and an
// accessibility check of the lesson page.

for (const theme of ["light", "dark"] as const) {
  test(`screenshots: lesson page, cluster panel and progress (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width: 1440, height: 900 });
    const lesson = new LessonPage(page);
    await lesson.open("/learn/pods/what-is-a-pod");
    await lesson.type("kubectl run nginx --image=nginx && kubectl run broken --image=nginx:no-such-tag");
    await expect(lesson.screen).toContainText("pod/broken created");
    await lesson.checkUntilPassed("Run your first Pod");
    await lesson.type("kubectl get pods");
    await expect(page.locator(".cluster-panel")).toContainText(/ErrImagePull|ImagePullBackOff/, { timeout: 30_000 });
    await page.screenshot({ path: `docs/screenshots/lesson-${theme}.png` });
    await page.locator(".cluster-panel").screenshot({ path: `docs/screenshots/cluster-panel-${theme}.png` });
    await page.goto("/progress");
    await expect(page.getByRole("heading", { name: "Progress" })).toBeVisible();
    await page.screenshot({ path: `docs/screenshots/progress-${theme}.png`, fullPage: true });
  });
}

test("the lesson page has no serious accessibility violations", async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.open("/learn/pods/what-is-a-pod");
  const results = await new AxeBuilder({ page }).exclude(".xterm").analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
});
