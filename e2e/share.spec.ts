/**
 * Share links: the state on screen travels in the URL fragment and comes back elsewhere (another
 * browser profile) with the same rules, the same backend choices and the same hop; a damaged,
 * cut-off or oversized link says so and shows the default scenario instead, never a blank page.
 */
import type { Browser, Page } from '@playwright/test';
// lz-string is CommonJS: Node gives it to an ES module as a default export.
import LZString from 'lz-string';
import { expect, test, watchProblems } from './fixtures.ts';
import { AppPage } from './pages/app-page.ts';
import { LessonsPage } from './pages/lessons-page.ts';
import { PacketsPage } from './pages/packets-page.ts';

const CLUSTER_IP_RULE =
  '-A KUBE-SERVICES -d 10.100.100.100/32 -p tcp -m comment --comment "default/clusterip-service cluster IP" -m tcp --dport 80 -j KUBE-SVC-KUSV3H3OUX7H3MDQ';

/** What a share link should reproduce, read from a page. */
async function picture(page: Page) {
  const packets = new PacketsPage(page);
  return {
    rules: await page.evaluate(() => window.__podpath!.rulesText()),
    yaml: await page.evaluate(() => window.__podpath!.state().yaml),
    backend: await page.evaluate(() => window.__podpath!.state().trace?.connections[0]?.backend),
    hopIndex: await packets.hopIndex(),
    position: await packets.position.textContent(),
    outcome: await packets.outcome.textContent(),
    replicas: await page.getByTestId('toolbar.replicas.deploy-nginx').textContent(),
    rulesView: await page.getByTestId('rules.view').inputValue(),
    lang: await page.evaluate(() => document.documentElement.lang),
  };
}

/** Clicks Share link and reads the link it shows. */
async function shareLink(page: Page): Promise<string> {
  await page.getByTestId('share.link').click();
  const url = page.getByTestId('share.url');
  await expect(url).toBeVisible();
  const link = await url.inputValue();
  expect(link).toMatch(/#s=[A-Za-z0-9+\-$]+$/);
  return link;
}

/** Opens `url` in a fresh browser profile (nothing saved), failing on console errors there too. */
async function openElsewhere(browser: Browser, url: string, origin: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const problems = watchProblems(page, origin);
  const app = new AppPage(page);
  await app.openUrl(url);
  return { app, page, context, problems };
}

/** The default scenario (the article's) is on screen, with the notice saying why. */
async function expectDefaultWithNotice(app: AppPage, notice: string): Promise<void> {
  const { page } = app;
  await expect(page.getByTestId('status.notice')).toBeVisible();
  await expect(page.getByTestId('status.notice')).toHaveAttribute('data-notice', notice);
  await expect(page.getByTestId('status.notice')).toContainText(
    'Showing the default scenario instead.',
  );
  await expect(page.getByTestId('toolbar.scenario')).toHaveValue('article');
  await expect(page.getByTestId('toolbar.replicas.deploy-nginx')).toHaveText('3');
  await expect(page.getByTestId('topology.node.node2')).toBeVisible();
  expect((await app.rulesText()).split('\n')).toContain(CLUSTER_IP_RULE);
}

test('a share link round-trips: same rules, same backend choices, same hop', async ({
  app,
  browser,
  baseURL,
}) => {
  test.slow(); // two browser profiles
  const { page } = app;
  const packets = new PacketsPage(page);
  await app.open('speed=instant');
  // Change the cluster, the view and the language, send, and seek to a hop.
  await page.getByTestId('toolbar.scale-up.deploy-nginx').click();
  await expect(page.getByTestId('toolbar.replicas.deploy-nginx')).toHaveText('4');
  await page.getByTestId('rules.view').selectOption('save');
  await page.getByTestId('toolbar.lang').click();
  await packets.send('default/client', 'default/clusterip-service:80/tcp');
  await packets.seek(5);
  await expect(packets.position).toContainText('6 /');
  const before = await picture(page);
  expect(before.backend?.pod).toMatch(/^default\/deploy-nginx-/);

  const link = await shareLink(page);
  const other = await openElsewhere(browser, link, new URL(baseURL!).origin);
  expect(await picture(other.page)).toEqual(before);
  await expect(other.page.getByTestId('status.notice')).toHaveCount(0);
  await expect(other.page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(other.page.getByTestId('trace.hop').nth(5)).toHaveAttribute('aria-current', 'step');

  // The next sends draw from the same seed on both sides: the same pods, one after another.
  const next = async (p: Page) => {
    const choices: string[] = [];
    for (let i = 0; i < 4; i++) {
      await p.getByTestId('request.send').click();
      choices.push(
        await p.evaluate(() => window.__podpath!.state().trace!.connections[0]!.backend!.ip),
      );
    }
    return choices;
  };
  expect(await next(other.page)).toEqual(await next(page));
  expect(other.problems).toEqual([]);
  await other.context.close();
});

test('a link made in a lesson opens at that lesson and step', async ({ app, browser, baseURL }) => {
  test.slow(); // two browser profiles
  const { page } = app;
  const lessons = new LessonsPage(page);
  await app.open('speed=instant');
  await lessons.openTab();
  await lessons.open('probability');
  await lessons.at('ladder');
  const link = await shareLink(page);

  const other = await openElsewhere(browser, link, new URL(baseURL!).origin);
  const there = new LessonsPage(other.page);
  await there.at('ladder');
  await expect(other.page.getByTestId('rules.filter')).toHaveValue('KUBE-SVC-KUSV3H3OUX7H3MDQ');
  expect(other.problems).toEqual([]);
  await other.context.close();
});

test('a corrupt link shows the message and the default scenario', async ({ app }) => {
  const { page } = app;
  await app.openUrl('./#s=garbage');
  await expectDefaultWithNotice(app, 'damaged');
  await app.screenshots('share-corrupt-link');
  // The message follows the language; it can be dismissed.
  await page.getByTestId('toolbar.lang').click();
  await expect(page.getByTestId('status.notice')).toContainText(
    '대신 기본 시나리오를 보여 줍니다.',
  );
  await page.getByTestId('status.notice').getByRole('button').click();
  await expect(page.getByTestId('status.notice')).toHaveCount(0);
});

test('a real link cut off when copied shows the message and the default scenario', async ({
  app,
}) => {
  const { page } = app;
  await app.open('speed=instant');
  await page.getByTestId('toolbar.scale-up.deploy-nginx').click();
  await new PacketsPage(page).send('default/client', 'default/clusterip-service:80/tcp');
  const link = await shareLink(page);
  // A fresh document (a fragment-only change would not reload the app).
  await page.goto('about:blank');
  await app.openUrl(link.slice(0, Math.floor(link.length * 0.6)));
  await expectDefaultWithNotice(app, 'damaged');
  await expect(page.getByTestId('trace.outcome')).toHaveCount(0);
});

test('an oversized link shows the message and the default scenario', async ({ app }) => {
  const { page } = app;
  // Too long to even try.
  await app.openUrl(`./#s=${'A'.repeat(250_000)}`);
  await expectDefaultWithNotice(app, 'tooLong');

  // Short, but it expands to more YAML than podpath reads.
  const huge = {
    v: 1,
    yaml: `# ${'x'.repeat(1_200_000)}\n`,
    scenarioName: null,
    request: { from: 'client', to: 'clusterip-service', protocol: null, packets: 1 },
    traceSeed: null,
    seed: 1,
    hopIndex: -1,
    rulesNode: null,
    rulesView: 'nat-S',
    lang: 'en',
  };
  const link = `#s=${LZString.compressToEncodedURIComponent(JSON.stringify(huge))}`;
  expect(link.length).toBeLessThan(200_000);
  await page.goto('about:blank');
  await app.openUrl(`./${link}`);
  await expectDefaultWithNotice(app, 'tooBig');
});
