/**
 * The guided lessons as a test sees them: the Lessons tab, the list, one step at a time (its task
 * box turns done by itself when the engine's output shows it), the language toggle, and a
 * screenshot of each step at 1280×720.
 */
/// <reference lib="dom" />
import { expect, type Locator, type Page } from '@playwright/test';
import type { Lang } from '../../src/store/view-slice.ts';

export const LESSON_VIEWPORT = { width: 1280, height: 720 } as const;

export class LessonsPage {
  readonly page: Page;
  readonly tab: Locator;
  readonly yamlTab: Locator;
  readonly list: Locator;
  readonly step: Locator;
  readonly task: Locator;
  readonly counter: Locator;
  readonly next: Locator;
  readonly prev: Locator;
  readonly exit: Locator;

  constructor(page: Page) {
    this.page = page;
    this.tab = page.getByTestId('tabs.lessons');
    this.yamlTab = page.getByTestId('tabs.yaml');
    this.list = page.getByTestId('lessons.list');
    this.step = page.getByTestId('lessons.step');
    this.task = page.getByTestId('lessons.task');
    this.counter = page.getByTestId('lessons.counter');
    this.next = page.getByTestId('lessons.next');
    this.prev = page.getByTestId('lessons.prev');
    this.exit = page.getByTestId('lessons.exit');
  }

  /** Switches the UI language with the toolbar's toggle (the button names the other language). */
  async setLang(lang: Lang): Promise<void> {
    const current = () => this.page.evaluate(() => document.documentElement.lang);
    if ((await current()) !== lang) await this.page.getByTestId('toolbar.lang').click();
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang);
  }

  /** Opens the Lessons tab (the panel is loaded lazily) and shows the list or the open step. */
  async openTab(): Promise<void> {
    await this.tab.click();
    await expect(this.list.or(this.step)).toBeVisible();
  }

  /** The list's button for a lesson. */
  entry(id: string): Locator {
    return this.page.getByTestId(`lessons.open.${id}`);
  }

  /** Opens (or resumes) a lesson from the list. */
  async open(id: string): Promise<void> {
    await this.entry(id).click();
    await expect(this.step).toBeVisible();
  }

  /** Waits for the step `stepId` to be on screen. */
  async at(stepId: string): Promise<void> {
    await expect(this.step).toHaveAttribute('data-step', stepId);
  }

  async expectTaskDone(done: boolean): Promise<void> {
    await expect(this.task).toHaveAttribute('data-done', done ? 'true' : 'false');
  }

  /**
   * Saves `test-results/screens/lesson-<lesson>-<step>-<lang>-1280x720.png`. The viewport is set to
   * 1280×720 first (React Flow refits), and the page is given a frame to settle.
   */
  async screenshot(lesson: string, step: string, lang: Lang): Promise<void> {
    const size = this.page.viewportSize();
    if (size?.width !== LESSON_VIEWPORT.width || size.height !== LESSON_VIEWPORT.height) {
      await this.page.setViewportSize(LESSON_VIEWPORT);
      await this.page.waitForTimeout(150);
    }
    await this.page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    await this.page.screenshot({
      path: `test-results/screens/lesson-${lesson}-${step}-${lang}-${String(LESSON_VIEWPORT.width)}x${String(LESSON_VIEWPORT.height)}.png`,
    });
  }
}
