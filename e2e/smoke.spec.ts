import { expect, test } from './fixtures.ts';

/** A rule of the default scenario as kube-proxy (iptables mode) writes it into the nat table. */
const CLUSTER_IP_RULE =
  '-A KUBE-SERVICES -d 10.100.100.100/32 -p tcp -m comment --comment "default/clusterip-service cluster IP" -m tcp --dport 80 -j KUBE-SVC-KUSV3H3OUX7H3MDQ';

test('@smoke the app loads offline and shows the default scenario’s nat rules', async ({ app }) => {
  const { page } = app;
  await app.open();
  await expect(page.getByRole('heading', { level: 1, name: 'podpath' })).toBeVisible();
  await expect(page).toHaveTitle('podpath');
  const rules = page.getByTestId('rules.text');
  await expect(rules).toBeVisible();
  expect((await rules.innerText()).split('\n')).toContain(CLUSTER_IP_RULE);
  expect(await app.nodeNames()).toEqual(['master', 'node1', 'node2']);
  await app.screenshots('smoke');
});
