/**
 * The app as a test sees it: navigation, the store through `window.__podpath`, screenshots.
 * Feature areas have their own page objects beside this one (rules, topology, packets, editor).
 */
/// <reference lib="dom" />
import type { Page } from '@playwright/test';
import type { PodpathTestApi } from '../../src/test-api.ts';

export const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

export class AppPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Opens the app (optionally `?scenario=<name>` and other query parameters) and waits for the store. */
  async open(query = ''): Promise<void> {
    await this.openUrl(`./${query ? `?${query}` : ''}`);
  }

  /** Opens the app at an address (a share link, another server) and waits for the store. */
  async openUrl(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.waitForFunction(() => window.__podpath?.state().model !== undefined);
  }

  /** Reads something from the store (the function runs in the page). */
  async state<T>(fn: (s: ReturnType<PodpathTestApi['state']>) => T): Promise<T> {
    // The function is sent as source and run against the page's store.
    return this.page.evaluate(
      (source) =>
        (new Function(`return (${source})`)() as (s: unknown) => unknown)(
          window.__podpath!.state(),
        ),
      fn.toString(),
    ) as Promise<T>;
  }

  nodeNames(): Promise<string[]> {
    return this.page.evaluate(() => window.__podpath!.nodeNames());
  }

  rulesText(): Promise<string> {
    return this.page.evaluate(() => window.__podpath!.rulesText());
  }

  /** Saves `test-results/screens/<name>-<w>x<h>.png` at both sizes the product is judged at. */
  async screenshots(name: string): Promise<void> {
    for (const size of VIEWPORTS) {
      await this.page.setViewportSize(size);
      await this.page.waitForTimeout(150); // let React Flow refit after the resize
      await this.page.screenshot({
        path: `test-results/screens/${name}-${size.width}x${size.height}.png`,
      });
    }
  }
}
