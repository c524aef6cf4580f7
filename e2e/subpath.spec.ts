/**
 * The build is a static site: served by a plain file server under a sub-path it works (relative
 * URLs only), and once loaded it keeps working offline, the lazily loaded lessons and editor too;
 * its service worker opens it again offline, from any of the app's addresses.
 */
import { expect, test as base } from './fixtures.ts';
import { EditorPage } from './pages/editor-page.ts';
import { LessonsPage } from './pages/lessons-page.ts';
import { PacketsPage } from './pages/packets-page.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const DIST = process.env.PODPATH_DIST ?? 'dist';
const PREFIX = '/some/sub/path/';
const CLUSTER_IP_RULE =
  '-A KUBE-SERVICES -d 10.100.100.100/32 -p tcp -m comment --comment "default/clusterip-service cluster IP" -m tcp --dport 80 -j KUBE-SVC-KUSV3H3OUX7H3MDQ';

const test = base.extend<object, { server: StaticServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from it
    async ({}, provide) => {
      const server = await serveStatic(DIST, PREFIX);
      await provide(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  appOrigin: async ({ server }, provide) => provide(server.origin),
});

test('served from a sub-path by a plain static server, the app works', async ({ app, server }) => {
  const { page } = app;
  const lessons = new LessonsPage(page);
  const packets = new PacketsPage(page);
  // Without the trailing slash the server redirects to the folder, as static hosts do.
  await app.openUrl(`${server.url.slice(0, -1)}?speed=instant`);
  expect(new URL(page.url()).pathname).toBe(PREFIX);
  expect((await app.rulesText()).split('\n')).toContain(CLUSTER_IP_RULE);
  await expect(page.getByTestId('rules.text')).toContainText('KUBE-SVC-KUSV3H3OUX7H3MDQ');

  await packets.send('default/client', 'default/clusterip-service:80/tcp');
  await expect(packets.outcome).toHaveAttribute('data-kind', 'delivered');

  await lessons.openTab();
  await lessons.open('clusterip');
  await lessons.at('rules');

  // Every file came from under the sub-path: nothing asked for the server's root.
  expect(server.requests.filter((p) => !p.startsWith(PREFIX.slice(0, -1)))).toEqual([]);
  expect(server.requests.some((p) => p.startsWith(`${PREFIX}assets/`))).toBe(true);
});

test('once loaded, the app keeps working offline: lessons and the editor open and work', async ({
  app,
  server,
  context,
}) => {
  const { page } = app;
  const lessons = new LessonsPage(page);
  await app.openUrl(`${server.url}?speed=instant`);
  // After the first picture the app fetches its lazy parts while idle.
  await page.waitForFunction(() => {
    const names = performance.getEntriesByType('resource').map((e) => e.name);
    return ['LessonPanel', 'EditorPane'].every((part) =>
      names.some((n) => new RegExp(`/assets/${part}-[\\w-]+\\.js$`).test(n)),
    );
  });
  // The service worker fetches every built file once as it installs: let it finish, so the
  // requests counted below are the page's own.
  await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  const fetched = server.requests.length;

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  // The lessons were never opened before going offline.
  await lessons.openTab();
  await expect(lessons.entry('clusterip')).toBeVisible();
  await lessons.open('clusterip');
  await lessons.next.click();
  await lessons.at('dnat');
  // The lessons' styles came with them.
  await expect(lessons.task).toHaveCSS('border-left-width', '4px');
  await page.getByTestId('request.send').click();
  await lessons.expectTaskDone(true);

  // The editor: edit the YAML, the engine (in the page) recomputes the rules.
  await lessons.yamlTab.click();
  const editor = new EditorPage(page);
  await editor.ready();
  await editor.retypeLineEnd('replicas: 3', 1, '4');
  await editor.settled();
  await expect.poll(() => app.rulesText()).toContain('--probability 0.25000000000');

  await expect(page.getByTestId('status.load-failed')).toHaveCount(0);
  expect(server.requests.slice(fetched)).toEqual([]);
  await context.setOffline(false);
});

test('after one visit, the app reloads offline from its service worker, from any address', async ({
  app,
  server,
  context,
}) => {
  const { page } = app;
  await app.openUrl(`${server.url}?speed=instant`);
  // The worker installs once it has precached every built file, then becomes active.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(new URL(scope).pathname).toBe(PREFIX);
  const fetched = server.requests.length;

  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => window.__podpath?.state().model !== undefined);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  expect((await app.rulesText()).split('\n')).toContain(CLUSTER_IP_RULE);
  const packets = new PacketsPage(page);
  await packets.send('default/client', 'default/clusterip-service:80/tcp');
  await expect(packets.outcome).toHaveAttribute('data-kind', 'delivered');

  // Another address of the app (presentation mode, a scenario) opens offline too.
  await app.openUrl(`${server.url}?present&scenario=nodeport&speed=instant`);
  expect(await app.state((s) => s.presenting)).toBe(true);
  await expect(page.getByTestId('rules.text')).toContainText('KUBE-NODEPORTS');
  await expect(page.getByTestId('status.load-failed')).toHaveCount(0);
  expect(server.requests.slice(fetched)).toEqual([]);
  await context.setOffline(false);
});
