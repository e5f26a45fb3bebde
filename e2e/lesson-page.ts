import { expect, type Locator, type Page } from "@playwright/test";

/** A lesson page as a learner uses it: the terminal on the right, exercises in the text. */
export class LessonPage {
  readonly terminal: Locator;
  readonly screen: Locator;

  constructor(readonly page: Page) {
    this.terminal = page.getByRole("application", { name: "terminal" });
    this.screen = this.terminal.locator(".xterm-rows");
  }

  async open(path: string): Promise<void> {
    await this.page.goto(path);
    await expect(this.screen).toContainText("controlplane:~$");
  }

  /** Types a command line at the prompt and presses Enter. */
  async type(line: string): Promise<void> {
    await this.terminal.click();
    await this.page.keyboard.type(line);
    await this.page.keyboard.press("Enter");
  }

  /** A row of the terminal whose whole text is `text`. */
  row(text: string): Locator {
    return this.screen.locator(":scope > div").filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`) });
  }

  exercise(title: string): Locator {
    return this.page.getByRole("region", { name: title });
  }

  /** Presses Check until the exercise passes (the cluster needs a few seconds). */
  async checkUntilPassed(title: string): Promise<Locator> {
    const exercise = this.exercise(title);
    await expect(async () => {
      await exercise.getByRole("button", { name: "Check" }).click();
      await expect(exercise.getByRole("status").filter({ hasText: "Score" })).toContainText("passed", { timeout: 2_000 });
    }).toPass({ timeout: 45_000 });
    return exercise;
  }
}
