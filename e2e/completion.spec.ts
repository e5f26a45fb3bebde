import { expect, test } from "@playwright/test";
import { LessonPage } from "./lesson-page";

test("Tab completes kubectl verbs, resource types and the learner's own pod names", async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.open("/learn/pods/labels-and-selectors");
  await lesson.type("kubectl run nginx-tab --image=nginx");
  await expect(lesson.screen).toContainText("pod/nginx-tab created");
  await lesson.terminal.click();
  await page.keyboard.type("kubectl desc");
  await page.keyboard.press("Tab");
  await page.keyboard.type("pod");
  await page.keyboard.press("Tab");
  await page.keyboard.type("ngi");
  await page.keyboard.press("Tab");
  await expect(lesson.screen).toContainText("kubectl describe pods nginx-tab");
  await page.keyboard.press("Enter");
  await expect(lesson.screen).toContainText("Successfully assigned default/nginx-tab");
});
