/**
 * "Why" links: a click on a YAML field marks the rules it produced and the hop that used one; a
 * click on a rule selects the YAML it came from.
 */
import { expect, test } from './fixtures.ts';
import { EditorPage } from './pages/editor-page.ts';
import { PacketsPage } from './pages/packets-page.ts';

test('a YAML field marks its rules and hop; a rule shows its YAML', async ({ app }) => {
  const { page } = app;
  await app.open('scenario=article&speed=instant');
  const editor = new EditorPage(page);
  await editor.ready();
  const whyLines = page.locator('[data-testid="rules.line"][data-why]');

  // targetPort: the three DNAT rules, one per endpoint.
  await editor.clickLineEnd('targetPort: 80');
  await expect(page.getByTestId('rules.why')).toContainText('spec.ports[0].targetPort');
  await expect(whyLines).toHaveCount(3);
  for (const line of await whyLines.allInnerTexts())
    expect(line).toMatch(/-j DNAT --to-destination 10\.36\.0\.[123]:80$/);
  await expect(page.getByTestId('editor.why')).toHaveText('80');

  // The hop where one of them decided is marked in the trace.
  const packets = new PacketsPage(page);
  await packets.send('default/client', 'default/clusterip-service:80/tcp');
  await expect(packets.outcome).toHaveAttribute('data-kind', 'delivered');
  await expect(page.locator('[data-testid="trace.hop"][data-why]')).toHaveCount(1);

  // The Service's port: its KUBE-SERVICES entry rule only.
  await editor.clickLineEnd(/^\s*port: 80$/);
  await expect(whyLines).toHaveCount(1);
  await expect(whyLines).toContainText('-d 10.100.100.100/32 -p tcp');

  // A rung of the probability ladder comes from the number of replicas.
  await page
    .locator('[data-testid="rules.line"]', { hasText: '--probability 0.33333333349' })
    .click();
  await expect(page.getByTestId('rules.why-from')).toContainText(
    'default/clusterip-service, port 80/TCP',
  );
  await expect(page.getByTestId('rules.why')).toContainText('Deployment default/deploy-nginx');
  await expect(page.getByTestId('editor.why')).toHaveText('3');
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  expect(selected).toBe('3');
  // replicas made the two probability rungs and the endpoints' chains' rules.
  expect(await whyLines.count()).toBeGreaterThanOrEqual(3);
  await app.screenshots('why-links');

  await page.getByTestId('rules.why-clear').click();
  await expect(whyLines).toHaveCount(0);
  await expect(page.getByTestId('editor.why')).toHaveCount(0);
});
