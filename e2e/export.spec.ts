/**
 * Exports for handouts: the topology as SVG (a valid SVG document) and PNG, the rules as text (the
 * article's lines, exactly), a packet's trace as Markdown (with the DNAT).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { PacketsPage } from './pages/packets-page.ts';

const seed = (name: string) =>
  readFileSync(new URL(`../testdata/seed/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l !== '');

/** Picks an export and returns the downloaded file's name and bytes. */
async function exportFile(page: Page, kind: 'rules' | 'trace' | 'svg' | 'png') {
  const download = page.waitForEvent('download');
  await page.getByTestId('share.export').selectOption(kind);
  const file = await download;
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

test('the topology exports as a valid SVG document, and as a PNG', async ({ app }) => {
  const { page } = app;
  await app.open();
  const svg = await exportFile(page, 'svg');
  expect(svg.name).toBe('podpath-topology.svg');
  const text = svg.bytes.toString('utf8');
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      root: root.localName,
      ns: root.namespaceURI,
      viewBox: root.getAttribute('viewBox'),
      texts: [...doc.getElementsByTagName('text')].map((t) => t.textContent ?? ''),
    };
  }, text);
  expect(parsed.errors).toBe(0);
  expect(parsed.root).toBe('svg');
  expect(parsed.ns).toBe('http://www.w3.org/2000/svg');
  expect(parsed.viewBox).toMatch(/^[\d.\- ]+$/);
  for (const label of ['master', 'node1', 'node2', '10.100.100.100'])
    expect(parsed.texts.some((t) => t.includes(label))).toBe(true);

  const png = await exportFile(page, 'png');
  expect(png.name).toBe('podpath-topology.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
});

test('the rules export as text with the article’s lines; a trace as Markdown with the DNAT', async ({
  app,
}) => {
  const { page } = app;
  const packets = new PacketsPage(page);
  await app.open('speed=instant');
  await expect(page.getByTestId('share.export').locator('option[value="trace"]')).toBeDisabled();

  const rules = await exportFile(page, 'rules');
  expect(rules.name).toBe('podpath-node1-nat-S.txt');
  const lines = rules.bytes.toString('utf8').split('\n');
  expect(lines[0]).toBe('# iptables -t nat -S on node1');
  for (const line of seed('expected-grep-svc-chain.txt')) expect(lines).toContain(line);

  await packets.send('default/client', 'default/clusterip-service:80/tcp');
  await expect(packets.outcome).toHaveAttribute('data-kind', 'delivered');
  const trace = await exportFile(page, 'trace');
  expect(trace.name).toBe('podpath-trace.md');
  const md = trace.bytes.toString('utf8');
  expect(md).toMatch(/^#/m);
  expect(md).toContain('DNAT');
  expect(md).toContain('10.100.100.100:80');
  expect(md).toMatch(/10\.36\.0\.\d:80/);
});
