import { expect, test } from "@playwright/test";

test("a teacher signs up, previews a lesson, proves it and tries its exercise", async ({ page }) => {
  await page.goto("/account");
  await page.getByLabel("Email").fill("teacher@example.com");
  await page.getByLabel("Password (8 characters or more)").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign up", exact: true }).last().click();
  await page.waitForURL("**/progress");

  await page.goto("/author");
  await page.getByRole("button", { name: "Preview" }).click();
  const exercise = page.getByRole("region", { name: "첫 Pod" });
  await expect(exercise).toBeVisible();

  await page.getByRole("button", { name: "Self-check" }).click();
  await expect(page.getByRole("status").filter({ hasText: "exercise(s) proved" })).toHaveText("ok: 1 exercise(s) proved");

  await exercise.getByRole("button", { name: "Check" }).click();
  await expect(exercise.getByRole("status")).toContainText("web Pod가 실행 중이어야 합니다.");
});

test("a learner cannot use the preview", async ({ page, request }) => {
  await page.goto("/author");
  await expect(page.getByText("The lesson preview is for teachers.")).toBeVisible();
  const r = await request.post("/api/author/prove", { data: { markdown: "x", locale: "en" } });
  expect(r.status()).toBe(401);
});
