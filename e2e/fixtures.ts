/**
 * The browser tests' fixtures: every test gets `app` (the page object) on a page that records
 * console errors, page errors and requests to other origins, and fails the test if any occurred.
 */
import { test as base, expect } from '@playwright/test';
import { AppPage } from './pages/app-page.ts';

export const test = base.extend<{ app: AppPage }>({
  app: async ({ page, baseURL }, provide) => {
    const problems: string[] = [];
    const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:') return;
      if (url.origin !== origin) problems.push(`request to another origin: ${req.url()}`);
    });
    // Each test starts from a clean browser profile: no saved text.
    await provide(new AppPage(page));
    expect(problems).toEqual([]);
  },
});

export { expect };
