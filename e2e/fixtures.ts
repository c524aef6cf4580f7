/**
 * The browser tests' fixtures: every test gets `app` (the page object) on a page that records
 * console errors, page errors and requests to other origins, and fails the test if any occurred.
 * `watchProblems` does the same for pages a test opens itself (a second browser context).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page.ts';

/** Collects what would make a page's test fail: console errors, page errors, foreign requests. */
export function watchProblems(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== origin) problems.push(`request to another origin: ${req.url()}`);
  });
  return problems;
}

export const test = base.extend<{ app: AppPage; appOrigin: string | null }>({
  /** Where the app is served from (null: `baseURL`); requests elsewhere fail the test. */
  appOrigin: [null, { option: true }],
  app: async ({ page, baseURL, appOrigin }, provide) => {
    const origin = appOrigin ?? new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
    const problems = watchProblems(page, origin);
    // Each test starts from a clean browser profile: no saved text.
    await provide(new AppPage(page));
    expect(problems).toEqual([]);
  },
});

export { expect };
