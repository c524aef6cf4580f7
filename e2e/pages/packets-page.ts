/**
 * The packet panel as a test sees it: the request picker, playback (buttons and keys), the event
 * list, the hop inspector, the outcome and burst mode.
 */
/// <reference lib="dom" />
import { expect, type Locator, type Page } from '@playwright/test';
import type { Lang } from '../../src/store/view-slice.ts';

export type HeaderField = 'source' | 'destination' | 'protocol' | 'mark' | 'ttl';

export class PacketsPage {
  readonly page: Page;
  readonly position: Locator;
  readonly hops: Locator;
  readonly inspector: Locator;
  /** The selected hop's explanation (the engine's note, in the UI's language). */
  readonly note: Locator;
  readonly outcome: Locator;
  readonly error: Locator;
  readonly bars: Locator;

  constructor(page: Page) {
    this.page = page;
    this.position = page.getByTestId('playback.position');
    this.hops = page.getByTestId('trace.hop');
    this.inspector = page.getByTestId('inspector');
    this.note = page.getByTestId('inspector.note');
    this.outcome = page.getByTestId('trace.outcome');
    this.error = page.getByTestId('request.error');
    this.bars = page.getByTestId('burst.bar');
  }

  /**
   * Picks a source and a target and sends. `to` is a choice's key (`default/web:80/tcp`,
   * `default/web-1:80`) or any text, typed as the "other address"; `protocol` applies to those.
   */
  async send(from: string, to: string, protocol = ''): Promise<void> {
    await this.page.getByTestId('request.from').selectOption(from);
    const choices = await this.page
      .getByTestId('request.to')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    if (choices.includes(to)) await this.page.getByTestId('request.to').selectOption(to);
    else {
      await this.page.getByTestId('request.to').selectOption({ index: choices.length - 1 });
      await this.page.getByTestId('request.address').fill(to);
    }
    const proto = this.page.getByTestId('request.protocol');
    if (await proto.isVisible()) await proto.selectOption(protocol);
    await this.page.getByTestId('request.send').click();
  }

  /** Switches the UI language with the toolbar's toggle (the button names the other language). */
  async setLang(lang: Lang): Promise<void> {
    const current = () => this.page.evaluate(() => document.documentElement.lang);
    if ((await current()) !== lang) await this.page.getByTestId('toolbar.lang').click();
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang);
  }

  /** The hop under the packet (0-based), from the store. */
  hopIndex(): Promise<number> {
    return this.page.evaluate(() => window.__podpath!.state().hopIndex);
  }

  stepCount(): Promise<number> {
    return this.page.evaluate(() => window.__podpath!.state().steps.length);
  }

  async stepForward(): Promise<void> {
    await this.page.getByTestId('playback.forward').click();
  }

  async stepBack(): Promise<void> {
    await this.page.getByTestId('playback.back').click();
  }

  /** Presses a key with the focus on the page (not in an input). */
  async press(key: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press(key);
  }

  /** Clicks the event list's row for hop `i` (0-based): seeks there. */
  async seek(i: number): Promise<void> {
    await this.hops.nth(i).click();
  }

  /** The kind of the hop under the packet (`netfilter`, `wire`, `deliver`…). */
  currentKind(): Promise<string | null> {
    return this.page
      .locator('[data-testid="trace.hop"][aria-current="step"]')
      .getAttribute('data-kind');
  }

  before(field: HeaderField): Locator {
    return this.page.getByTestId(`inspector.before.${field}`);
  }

  after(field: HeaderField): Locator {
    return this.page.getByTestId(`inspector.after.${field}`);
  }

  outer(): Locator {
    return this.page.getByTestId('inspector.outer');
  }

  async burst(connections: number): Promise<void> {
    await this.page.getByTestId('trace.tab.burst').click();
    await this.page.getByTestId('burst.size').selectOption(String(connections));
    await this.page.getByTestId('burst.run').click();
  }

  /** Each bar's share of the connections, as drawn. */
  async shares(): Promise<number[]> {
    const values = await this.bars.evaluateAll((bs) => bs.map((b) => b.getAttribute('data-share')));
    return values.map(Number);
  }
}
