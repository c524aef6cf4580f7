/**
 * The YAML editor as a test sees it: CodeMirror's content element, typing into it like a person,
 * the problem list and the lint gutter; the document itself through `window.__podpath`.
 */
/// <reference lib="dom" />
import { expect, type Locator, type Page } from '@playwright/test';

export class EditorPage {
  readonly page: Page;
  readonly root: Locator;
  readonly content: Locator;
  readonly status: Locator;
  readonly diagnostics: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('editor');
    this.content = page.locator('[data-testid="editor.cm"] .cm-content');
    this.status = page.getByTestId('editor.status');
    this.diagnostics = page.getByTestId('editor.diagnostic');
  }

  /** Waits for the lazily loaded editor to show the store's text. */
  async ready(): Promise<void> {
    await expect(this.content).toBeVisible();
    await this.page.waitForFunction(
      () => window.__podpath?.editorText() === window.__podpath?.state().yaml,
    );
  }

  /** The whole document as CodeMirror holds it. */
  text(): Promise<string | null> {
    return this.page.evaluate(() => window.__podpath!.editorText());
  }

  /** The first rendered line containing `text`. */
  line(text: string | RegExp): Locator {
    return this.content.locator('.cm-line', { hasText: text }).first();
  }

  /**
   * Clicks the end of the first line matching `text` (CodeMirror renders only the lines near the
   * view, so the editor is scrolled down until it appears).
   */
  async clickLineEnd(text: string | RegExp): Promise<void> {
    const scroller = this.page.locator('[data-testid="editor.cm"] .cm-scroller');
    for (let i = 0; i < 40 && (await this.line(text).count()) === 0; i++)
      await scroller.evaluate((el) => el.scrollBy(0, 200));
    const line = this.line(text);
    await line.scrollIntoViewIfNeeded();
    const box = await line.boundingBox();
    if (!box) throw new Error(`line ${String(text)} is not visible`);
    // Past the end of the text: the cursor lands at the end of the line, in its last field.
    await this.page.mouse.click(box.x + box.width - 4, box.y + box.height / 2);
  }

  /**
   * On the line containing `lineText`, selects the last `selectChars` characters and types
   * `typed` over them, with the keyboard (a click on the line, End, Shift+←…).
   */
  async retypeLineEnd(lineText: string, selectChars: number, typed: string): Promise<void> {
    await this.content.click();
    await this.line(lineText).click();
    await this.page.keyboard.press('End');
    for (let i = 0; i < selectChars; i++) await this.page.keyboard.press('Shift+ArrowLeft');
    await this.page.keyboard.type(typed);
  }

  /** Waits until the (debounced) edit has reached the store. */
  async settled(): Promise<void> {
    await this.page.waitForFunction(
      () => window.__podpath?.editorText() === window.__podpath?.state().yaml,
    );
  }

  /** The lint gutter's markers of a severity. */
  gutterMarkers(severity: 'error' | 'warning'): Locator {
    return this.page.locator(`[data-testid="editor.cm"] .cm-lint-marker-${severity}`);
  }

  /** The line number next to the editor line showing `text` (by position in the gutter). */
  async lineNumberOf(locator: Locator): Promise<number> {
    const box = await locator.boundingBox();
    if (!box) throw new Error('not visible');
    const numbers = this.page.locator(
      '[data-testid="editor.cm"] .cm-lineNumbers .cm-gutterElement',
    );
    for (const el of await numbers.all()) {
      const b = await el.boundingBox();
      if (b && Math.abs(b.y + b.height / 2 - (box.y + box.height / 2)) < b.height / 2)
        return Number(await el.innerText());
    }
    throw new Error('no line number beside it');
  }

  /** The text of the line holding the cursor. */
  activeLine(): Locator {
    return this.content.locator('.cm-activeLine');
  }
}
