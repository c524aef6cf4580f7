/**
 * The rules panel as a test sees it: the command and node pickers, the grep box, the lines (with
 * their change marks, hop highlight and counters) and the Service's probability table.
 */
/// <reference lib="dom" />
import { expect, type Locator, type Page } from '@playwright/test';

export type RulesViewName = 'nat-S' | 'save' | 'filter-S' | 'restore';

export class RulesPage {
  readonly page: Page;
  readonly root: Locator;
  readonly text: Locator;
  readonly view: Locator;
  readonly node: Locator;
  readonly filter: Locator;
  readonly count: Locator;
  readonly changes: Locator;
  readonly dismiss: Locator;
  readonly nextChange: Locator;
  readonly hopNote: Locator;
  readonly table: Locator;
  readonly tableService: Locator;
  readonly tableRows: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('rules');
    this.text = page.getByTestId('rules.text');
    this.view = page.getByTestId('rules.view');
    this.node = page.getByTestId('rules.node');
    this.filter = page.getByTestId('rules.filter');
    this.count = page.getByTestId('rules.count');
    this.changes = page.getByTestId('rules.changes');
    this.dismiss = page.getByTestId('rules.dismiss');
    this.nextChange = page.getByTestId('rules.next-change');
    this.hopNote = page.getByTestId('rules.hop');
    this.table = page.getByTestId('rules.table');
    this.tableService = page.getByTestId('rules.table.service');
    this.tableRows = page.getByTestId('rules.table.row');
  }

  lines(kind?: 'same' | 'added' | 'removed'): Locator {
    return this.text.locator(
      kind ? `[data-testid="rules.line"][data-kind="${kind}"]` : '[data-testid="rules.line"]',
    );
  }

  /** The lines of the current rules on screen (not the struck-out removed ones), as text. */
  async currentLines(): Promise<string[]> {
    return this.text
      .locator('[data-testid="rules.line"]:not([data-kind="removed"])')
      .evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  }

  async textsOf(kind: 'added' | 'removed'): Promise<string[]> {
    return this.lines(kind).evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  }

  /** Types into the grep box and waits until the list shows what that pattern keeps. */
  async grep(pattern: string): Promise<void> {
    await this.filter.fill(pattern);
    await expect(this.text).toHaveAttribute('data-filter', pattern);
  }

  /**
   * Types `pattern` into the grep box from inside the page and returns the milliseconds until
   * the filtered list is on screen (no test-runner round trips in the measurement).
   */
  async timedGrep(pattern: string): Promise<number> {
    const ms = await this.page.evaluate(async (p) => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="rules.filter"]')!;
      const list = document.querySelector('[data-testid="rules.text"]')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const t0 = performance.now();
      setValue.call(input, p);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise<void>((done) => {
        const check = () =>
          list.getAttribute('data-filter') === p ? done() : requestAnimationFrame(check);
        check();
      });
      return performance.now() - t0;
    }, pattern);
    await expect(this.text).toHaveAttribute('data-filter', pattern);
    return ms;
  }

  async choose(view: RulesViewName, node?: string): Promise<void> {
    await this.view.selectOption(view);
    if (node) await this.node.selectOption(node);
  }

  /** The line the current hop decided on (the last rule it matched on this node). */
  focusLine(): Locator {
    return this.text.locator('[data-hop="focus"]');
  }

  hopLines(): Locator {
    return this.text.locator('[data-hop]');
  }

  counted(): Locator {
    return this.text.locator('[data-count]');
  }

  /** The table, row by row: endpoint, KUBE-SEP chain, probability, share (as shown). */
  async tableCells(): Promise<string[][]> {
    return this.tableRows.evaluateAll((rows) =>
      rows.map((r) =>
        ['endpoint', 'chain', 'probability', 'share'].map((cell) =>
          (r.querySelector(`[data-cell="${cell}"]`)?.textContent ?? '').trim(),
        ),
      ),
    );
  }
}
