import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { LessonPage } from "./lesson-page";

// The lesson page's two panes: a divider between them on a wide screen (dragged, moved
// with the keys, remembered), one pane at a time behind a tab bar on a phone.

const LESSON = "/learn/pods/what-is-a-pod";

async function width(locator: Locator): Promise<number> {
  return (await locator.boundingBox())?.width ?? 0;
}

function panes(page: Page) {
  return {
    prose: page.locator("article.lesson"),
    divider: page.getByRole("separator", { name: "Resize lesson and terminal" }),
  };
}

test.describe("on a wide screen", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("dragging the divider resizes both panes, refits the terminal and is remembered", async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.open(LESSON);
    const { prose, divider } = panes(page);
    const xterm = lesson.terminal.locator(".xterm-screen");
    await expect(divider).toHaveAttribute("aria-valuenow", "50");
    expect(Math.abs((await width(prose)) - 720)).toBeLessThan(3);
    const terminalBefore = await width(xterm);

    const handle = await divider.boundingBox();
    if (!handle) throw new Error("the divider has no box");
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(500, handle.y + handle.height / 2, { steps: 12 });
    await page.mouse.up();

    // the handle's middle follows the pointer: the lesson ends half a handle before it
    await expect.poll(async () => Math.abs((await width(prose)) - 494)).toBeLessThan(3);
    await expect(divider).toHaveAttribute("aria-valuenow", "34");
    // the terminal gained about 220px of columns, not just a wider frame
    await expect.poll(() => width(xterm)).toBeGreaterThan(terminalBefore + 150);

    await page.reload();
    await expect(lesson.screen).toContainText("controlplane:~$");
    expect(Math.abs((await width(prose)) - 494)).toBeLessThan(3);
    await expect(divider).toHaveAttribute("aria-valuenow", "34");

    // the remembered split is in place before any of the app's scripts run: no jump
    await page.route("**/_next/static/**", (route) => (route.request().resourceType() === "script" ? route.abort() : route.fallback()));
    await page.reload();
    expect(Math.abs((await width(prose)) - 494)).toBeLessThan(3);
  });

  test("the divider moves with the keyboard, stops at its limits and resets on double-click", async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.open(LESSON);
    const { prose, divider } = panes(page);
    const workbench = page.getByRole("complementary", { name: "Terminal" });

    await divider.focus();
    await page.keyboard.press("ArrowLeft");
    await expect(divider).toHaveAttribute("aria-valuenow", "48");
    await page.keyboard.press("Shift+ArrowRight");
    await expect(divider).toHaveAttribute("aria-valuenow", "58");
    await expect.poll(async () => Math.round(((await width(prose)) / 1440) * 100)).toBe(58);

    await page.keyboard.press("End");
    const max = await divider.getAttribute("aria-valuemax");
    await expect(divider).toHaveAttribute("aria-valuenow", max ?? "");
    await page.keyboard.press("ArrowRight");
    await expect(divider).toHaveAttribute("aria-valuenow", max ?? "");
    await expect.poll(() => width(workbench)).toBeGreaterThanOrEqual(360);
    // the terminal narrowed with its pane
    await expect.poll(async () => (await width(lesson.terminal.locator(".xterm-screen"))) <= (await width(workbench))).toBe(true);

    await page.keyboard.press("Home");
    await expect(divider).toHaveAttribute("aria-valuenow", (await divider.getAttribute("aria-valuemin")) ?? "");
    await expect.poll(() => width(prose)).toBeGreaterThanOrEqual(288);

    await page.reload();
    await expect(divider).toHaveAttribute("aria-valuenow", (await divider.getAttribute("aria-valuemin")) ?? "");
    await divider.dblclick();
    await expect(divider).toHaveAttribute("aria-valuenow", "50");
    await page.reload();
    await expect(lesson.screen).toContainText("controlplane:~$");
    await expect(divider).toHaveAttribute("aria-valuenow", "50");
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("a tab bar shows one pane at a time, and 'Run in terminal' brings the terminal forward", async ({ page }) => {
    const lesson = new LessonPage(page);
    await page.goto(LESSON);
    const lessonTab = page.getByRole("tab", { name: "Lesson" });
    const terminalTab = page.getByRole("tab", { name: "Terminal" });
    const heading = page.getByRole("heading", { level: 1 });

    await expect(lessonTab).toHaveAttribute("aria-selected", "true");
    await expect(heading).toBeVisible();
    // a hidden pane is out of the accessibility tree: find the terminal by role regardless
    const terminalFrame = page.getByRole("application", { name: "terminal", includeHidden: true });
    await expect(terminalFrame).toBeAttached();
    await expect(terminalFrame).toBeHidden();
    await expect(panes(page).divider).toBeHidden();

    await terminalTab.tap();
    await expect(terminalTab).toHaveAttribute("aria-selected", "true");
    await expect(lesson.terminal).toBeVisible();
    await expect(lesson.screen).toContainText("controlplane:~$");
    await expect(heading).toBeHidden();
    // the terminal fits the phone's width instead of running off its edge
    expect(await width(lesson.terminal.locator(".xterm-screen"))).toBeLessThanOrEqual(390);
    const serious = (await new AxeBuilder({ page }).exclude(".xterm").analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => v.id)).toEqual([]);

    // resetting the cluster starts a new terminal; the learner stays where they were
    const oldTerminal = await lesson.terminal.elementHandle();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Reset cluster" }).tap();
    await expect.poll(() => oldTerminal?.evaluate((e) => e.isConnected)).toBe(false);
    await expect(lesson.screen).toContainText("controlplane:~$");
    await expect(terminalTab).toHaveAttribute("aria-selected", "true");

    // arrow keys move between the tabs
    await terminalTab.focus();
    await page.keyboard.press("ArrowLeft");
    await expect(lessonTab).toBeFocused();
    await expect(heading).toBeVisible();
    await expect(terminalFrame).toBeHidden();

    await page.getByRole("button", { name: "Run in terminal" }).first().tap();
    await expect(terminalTab).toHaveAttribute("aria-selected", "true");
    await expect(lesson.terminal).toBeVisible();
    await expect(lesson.screen).toContainText("pod/nginx created");
    await expect(lesson.terminal.locator("textarea")).toBeFocused();
  });
});
