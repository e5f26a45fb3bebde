import { expect, test } from "@playwright/test";
import { LessonPage } from "./lesson-page";

test("a new visitor runs a pod in the first lesson and the exercise passes", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "What is a Pod" }).click();
  const lesson = new LessonPage(page);
  await expect(lesson.screen).toContainText("controlplane:~$");
  await lesson.type("kubectl run nginx --image=nginx");
  await expect(lesson.screen).toContainText("pod/nginx created");
  const exercise = await lesson.checkUntilPassed("Run your first Pod");
  await expect(exercise.getByText("Score 100%")).toBeVisible();
});
