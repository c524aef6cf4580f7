import { expect, test } from '@playwright/test';

/** A rule of the default scenario as kube-proxy (iptables mode) writes it into the nat table. */
const CLUSTER_IP_RULE =
  '-A KUBE-SERVICES -d 10.100.100.100/32 -p tcp -m comment --comment "default/clusterip-service cluster IP" -m tcp --dport 80 -j KUBE-SVC-KUSV3H3OUX7H3MDQ';

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

test('@smoke the app loads offline and shows the default scenario’s nat rules', async ({
  page,
}) => {
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];
  const origin = new URL(test.info().project.use.baseURL ?? 'http://127.0.0.1:4173').origin;
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== origin) foreignRequests.push(req.url());
  });

  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'podpath' })).toBeVisible();
  await expect(page).toHaveTitle('podpath');

  const rules = page.getByTestId('rules.text');
  await expect(rules).toBeVisible();
  const lines = (await rules.innerText()).split('\n');
  expect(lines).toContain(CLUSTER_IP_RULE);

  for (const size of VIEWPORTS) {
    await page.setViewportSize(size);
    await page.screenshot({
      path: `test-results/screens/smoke-${size.width}x${size.height}.png`,
    });
  }

  expect(consoleErrors).toEqual([]);
  expect(pageErrors).toEqual([]);
  expect(foreignRequests).toEqual([]);
});
