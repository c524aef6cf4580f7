/**
 * The rules panel: the article's exact lines through the grep box, the four views and the node
 * picker, the change marks after scaling, the current hop's rule, counters, the probability
 * table, and a cluster with thousands of rules.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { RulesPage } from './pages/rules-page.ts';

const seed = (name: string) =>
  readFileSync(new URL(`../testdata/seed/${name}`, import.meta.url), 'utf8')
    .trimEnd()
    .split('\n');

test('the default page shows the article’s exact lines through `| grep`', async ({ app }) => {
  const { page } = app;
  await app.open();
  const rules = new RulesPage(page);
  await expect(rules.view).toHaveValue('nat-S');
  await expect(rules.node).toHaveValue('node1');

  await rules.grep('10.100.100.100');
  expect(await rules.currentLines()).toEqual(seed('expected-grep-clusterip.txt'));
  await expect(rules.count).toHaveText(/^1 of \d+ lines$/);

  await rules.grep('KUBE-SVC-KUSV3H3OUX7H3MDQ');
  expect(await rules.currentLines()).toEqual(seed('expected-grep-svc-chain.txt'));
  await expect(rules.count).toHaveText(/^5 of \d+ lines$/);
  await app.screenshots('rules-grep-svc-chain');

  // Like grep: case-sensitive, plain text.
  await rules.grep('kube-svc');
  await expect(page.getByTestId('rules.no-match')).toBeVisible();
  await rules.grep('');
  expect((await rules.currentLines()).join('\n') + '\n').toBe(await app.rulesText());
});

test('the four views and the node picker', async ({ app }) => {
  const { page } = app;
  await app.open();
  const rules = new RulesPage(page);
  await rules.choose('save');
  let lines = await rules.currentLines();
  expect(lines).toContain('*nat');
  expect(lines).toContain('COMMIT');
  expect(lines).toContain(seed('expected-grep-clusterip.txt')[0]);

  await rules.choose('filter-S');
  lines = await rules.currentLines();
  expect(lines[0]).toBe('-P INPUT ACCEPT');
  expect(lines.some((l) => l.includes('KUBE-SVC-'))).toBe(false);

  await rules.choose('restore');
  lines = await rules.currentLines();
  expect(lines.some((l) => l.includes('--probability 0.3333333333 '))).toBe(true);

  await rules.choose('nat-S', 'node2');
  expect(await rules.currentLines()).toContain(seed('expected-grep-clusterip.txt')[0]);
  expect(await page.evaluate(() => window.__podpath!.state().rulesNode)).toBe('node2');
});

test('the Service’s table: endpoint, KUBE-SEP chain, probability, share', async ({ app }) => {
  const { page } = app;
  await app.open();
  const rules = new RulesPage(page);
  await expect(rules.tableService).toHaveValue('default/clusterip-service');
  expect(await rules.tableCells()).toEqual([
    ['10.36.0.1:80', 'KUBE-SEP-KPNE4OMUFKEDG6YL', '0.33333333349', '1/3'],
    ['10.36.0.2:80', 'KUBE-SEP-QC2YCZLGKU5ER4V3', '0.50000000000', '(1−1/3)·1/2 = 1/3'],
    ['10.36.0.3:80', 'KUBE-SEP-L7WI7M2YKMCGI5ZA', 'none (the rest)', '(1−1/3)·(1−1/2)·1 = 1/3'],
  ]);
  await rules.tableService.selectOption('kube-system/kube-dns:dns');
  await expect(rules.tableRows).toHaveCount(2);

  // In Korean: the labels change, the rules and numbers do not.
  await page.getByTestId('toolbar.lang').click();
  await expect(rules.table.locator('summary')).toHaveText('서비스가 새 연결을 나누는 방법');
  await rules.tableService.selectOption('default/clusterip-service');
  await rules.grep('10.100.100.100');
  await expect(rules.count).toHaveText(/^\d+줄 중 1줄$/);
  expect(await rules.currentLines()).toEqual(seed('expected-grep-clusterip.txt'));
  await app.screenshots('rules-korean');
});

test('scaling 3 → 4 marks the lines added and removed, until dismissed', async ({ app }) => {
  const { page } = app;
  await app.open();
  const rules = new RulesPage(page);
  await expect(rules.changes).toHaveCount(0);
  await page.getByTestId('toolbar.scale-up.deploy-nginx').click();

  await expect(rules.changes).toBeVisible();
  const added = await rules.textsOf('added');
  const removed = await rules.textsOf('removed');
  expect(added.filter((l) => /^-N KUBE-SEP-/.test(l))).toHaveLength(1);
  expect(added.filter((l) => /^-A KUBE-SEP-/.test(l))).toHaveLength(2); // MARK-MASQ and DNAT
  for (const p of ['0.25000000000', '0.33333333349', '0.50000000000'])
    expect(added.some((l) => l.includes(`--probability ${p}`))).toBe(true);
  expect(removed).toContain(seed('expected-grep-svc-chain.txt')[2]); // the old 1/3 rule
  await expect(rules.lines('removed').first().locator('del')).toBeVisible();
  await expect(rules.tableRows).toHaveCount(4);
  expect((await rules.tableCells()).map((r) => r[3]!.split(' = ').pop())).toEqual([
    '1/4',
    '1/4',
    '1/4',
    '1/4',
  ]);
  // The first change (the new `-N KUBE-SEP-…`) is one click away.
  await rules.nextChange.click();
  await expect(rules.lines('added').first()).toBeInViewport();
  await rules.grep('KUBE-SVC-KUSV3H3OUX7H3MDQ');
  await app.screenshots('rules-scaled-to-4');

  await rules.dismiss.click();
  await expect(rules.changes).toHaveCount(0);
  await expect(rules.lines('added')).toHaveCount(0);
  await expect(rules.lines('removed')).toHaveCount(0);
});

test('the current hop’s rules are highlighted, scrolled to and counted', async ({ app }) => {
  const { page } = app;
  await app.open();
  const rules = new RulesPage(page);
  // Send client → clusterip-service and stop at the hop where node1's nat table DNATs it.
  const hop = await page.evaluate(() => {
    const store = window.__podpath!.store;
    store.getState().send();
    const s = store.getState();
    const conn = s.trace!.connections[0]!;
    const i = s.steps.findIndex(
      (ref) =>
        conn.packets[ref.packet]!.hops[ref.hop]!.node === 'node1' &&
        !!conn.packets[ref.packet]!.hops[ref.hop]!.rules?.some((r) => r.ruleText.includes('DNAT')),
    );
    store.getState().seek(i);
    return i;
  });
  expect(hop).toBeGreaterThanOrEqual(0);
  const backend = await page.evaluate(
    () => window.__podpath!.state().trace!.connections[0]!.backend!.ip,
  );

  await expect(rules.focusLine()).toHaveCount(1);
  await expect(rules.focusLine()).toContainText(`-j DNAT --to-destination ${backend}:80`);
  await expect(rules.focusLine()).toBeInViewport();
  await expect(rules.hopLines()).toHaveCount(4); // PREROUTING → KUBE-SERVICES → KUBE-SVC → KUBE-SEP
  await expect(rules.hopNote.first()).toBeVisible();
  // Counters from the trace on screen.
  await expect(rules.counted().first()).toHaveAttribute('data-count', '×1');
  await expect(rules.counted().first()).toHaveAttribute('title', 'matched 1× in this trace');
  // The table marks the endpoint this trace chose.
  await expect(page.locator('[data-testid="rules.table.row"].chosen')).toContainText(backend);
  await app.screenshots('rules-current-hop');

  // On another node the panel says where the packet is and offers to go there.
  await rules.node.selectOption('node2');
  await expect(rules.hopLines()).toHaveCount(0);
  await rules.hopNote.getByRole('button').click();
  await expect(rules.node).toHaveValue('node1');
});

test('thousands of rules stay responsive: capped rendering, quick grep', async ({ app }) => {
  const { page } = app;
  await app.open('scenario=large-cluster');
  const rules = new RulesPage(page);
  await expect(rules.count).toHaveText(/^\d{4,} lines$/);
  const total = Number((await rules.count.innerText()).split(' ')[0]);
  expect(total).toBeGreaterThan(4000);
  expect(await rules.lines().count()).toBe(1000); // the first page; the rest on demand
  await expect(page.getByTestId('rules.more')).toBeVisible();
  await app.screenshots('rules-large-cluster');

  // Time from typing to the filtered list on screen, measured in the page. Typically well
  // under 150 ms; the bound is loose because Playwright's trace recorder observes every DOM
  // change in the page and a busy 2-core machine slows it further. It catches freezes.
  const ms = await rules.timedGrep('KUBE-SERVICES');
  expect(ms).toBeLessThan(3000);
  const shown = Number((await rules.count.innerText()).split(' ')[0]);
  expect(shown).toBeGreaterThan(5);
  expect(await rules.lines().count()).toBe(shown);
  expect(await rules.timedGrep('')).toBeLessThan(3000);

  await page.getByTestId('rules.more').click();
  expect(await rules.lines().count()).toBe(2000);
});
