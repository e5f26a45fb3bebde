import { expect, test } from "@playwright/test";
import { LessonPage } from "./lesson-page";

test("vim edits a dry-run manifest, then kubectl apply -f creates what was saved", async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.open("/learn/pods/kubectl-basics");
  await lesson.type("kubectl run web --image=nginx:1.27 --dry-run=client -o yaml > pod.yaml");
  await lesson.type("vim pod.yaml");
  const editor = page.getByRole("dialog", { name: "editing /root/pod.yaml" });
  await expect(editor).toBeVisible();
  await expect(editor.locator(".cm-content")).toContainText("image: nginx:1.27");
  // in vim: go to the image line, change the tag, save and quit
  await page.keyboard.press("Escape");
  await page.keyboard.type("/nginx:1.27");
  await page.keyboard.press("Enter");
  await page.keyboard.type("f:C:1.25");
  await page.keyboard.press("Escape");
  await page.keyboard.type(":wq");
  await page.keyboard.press("Enter");
  await expect(editor).toBeHidden();
  await lesson.type("kubectl apply -f pod.yaml && kubectl get pod web -o jsonpath='{.spec.containers[0].image}{\"\\n\"}'");
  await expect(lesson.row("nginx:1.25")).toHaveCount(1);
});

test("kubectl exec -it opens the container's shell in the page's terminal", async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.open("/learn/pods/kubectl-basics");
  await lesson.type("kubectl run box --image=busybox:1.36 -- sleep 1d");
  await expect(async () => {
    await lesson.type("kubectl get pod box --no-headers -o custom-columns=S:.status.phase");
    await expect(lesson.row("Running")).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await lesson.type("kubectl exec -it box -- sh");
  await expect(lesson.screen).toContainText("/ # ");
  await lesson.type("cd /tmp; echo inside > f; pwd");
  await expect(lesson.row("/tmp")).toHaveCount(1);
  await lesson.type("exit");
  await lesson.type("kubectl exec box -- cat /tmp/f");
  await expect(lesson.row("inside")).toHaveCount(1);
});
