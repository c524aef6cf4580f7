/**
 * The YAML editor: typing re-runs the engine (the rules and pods follow), errors show at their
 * line while the last good picture stays, the text survives a reload, and the toolbar's scenario
 * picker replaces it.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { EditorPage } from './pages/editor-page.ts';
import { RulesPage } from './pages/rules-page.ts';

/** Pods of the article's Deployment in the model on screen. */
const nginxPods = (page: Page) =>
  page.evaluate(
    () =>
      window
        .__podpath!.state()
        .model!.cluster.pods.filter((p) => p.name.startsWith('deploy-nginx-')).length,
  );

test('typing replicas 3 → 4 in the editor recomputes the rules and adds a pod', async ({ app }) => {
  const { page } = app;
  await app.open();
  const editor = new EditorPage(page);
  const rules = new RulesPage(page);
  await editor.ready();
  const podsBefore = await page.evaluate(() => window.__podpath!.podIps());

  await editor.retypeLineEnd('replicas: 3', 1, '4');
  await editor.settled();
  expect(
    await page.evaluate(() => window.__podpath!.state().yaml.includes('  replicas: 4\n')),
  ).toBe(true);

  const text = await app.rulesText();
  for (const p of ['0.25000000000', '0.33333333349', '0.50000000000'])
    expect(text).toContain(`--probability ${p}`);
  const podsAfter = await page.evaluate(() => window.__podpath!.podIps());
  expect(podsAfter.length).toBe(podsBefore.length + 1);
  expect(await nginxPods(page)).toBe(4);

  // The rules panel marks what changed: a new KUBE-SEP chain and the recomputed ladder.
  await expect(rules.changes).toBeVisible();
  const added = await rules.textsOf('added');
  expect(added.some((l) => /^-N KUBE-SEP-/.test(l))).toBe(true);
  expect(added.some((l) => l.includes('--probability 0.25000000000'))).toBe(true);
  await expect(editor.status).toHaveText('valid');
  await app.screenshots('editor-replicas-4');
});

test('a YAML syntax error shows at its line and keeps the last picture', async ({ app }) => {
  const { page } = app;
  await app.open();
  const editor = new EditorPage(page);
  const rules = new RulesPage(page);
  await editor.ready();

  await editor.retypeLineEnd('replicas: 3', 0, ':'); // `replicas: 3:` on line 9
  await editor.settled();

  await expect(page.getByTestId('status.stale')).toBeVisible();
  await expect(page.getByTestId('rules.stale')).toBeVisible();
  await expect(editor.status).toHaveText('1 error');
  await expect(editor.diagnostics).toHaveCount(1);
  await expect(editor.diagnostics.first()).toContainText('9:13');
  await expect(editor.diagnostics.first()).toContainText('error converting YAML to JSON');
  // The gutter marks line 9, and the text is underlined there.
  const marker = editor.gutterMarkers('error');
  await expect(marker).toHaveCount(1);
  expect(await editor.lineNumberOf(marker)).toBe(9);
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(1);
  // The last good cluster stays: rules still shown, three nginx pods still there.
  expect((await rules.currentLines()).join('\n')).toContain('-j KUBE-SEP-L7WI7M2YKMCGI5ZA');
  expect(await nginxPods(page)).toBe(3);
  await app.screenshots('editor-syntax-error');

  // A click on the problem puts the cursor on its line.
  await page.keyboard.press('Control+Home');
  await expect(editor.activeLine()).not.toContainText('replicas');
  await editor.diagnostics.first().click();
  await expect(editor.activeLine()).toContainText('replicas: 3:');

  // Fixing it clears the problem and the stale mark.
  await editor.retypeLineEnd('replicas: 3:', 1, '');
  await page.keyboard.press('Backspace');
  await editor.settled();
  await expect(page.getByTestId('status.stale')).toHaveCount(0);
  await expect(page.getByTestId('rules.stale')).toHaveCount(0);
  await expect(editor.diagnostics).toHaveCount(0);
});

test('the edited text survives a reload', async ({ app }) => {
  const { page } = app;
  await app.open();
  const editor = new EditorPage(page);
  await editor.ready();
  await editor.retypeLineEnd('replicas: 3', 1, '5');
  await editor.settled();
  const edited = await editor.text();
  expect(edited).toContain('  replicas: 5\n');

  await page.reload();
  await page.waitForFunction(() => window.__podpath?.state().model !== undefined);
  await editor.ready();
  expect(await editor.text()).toBe(edited);
  await expect(editor.line('replicas: 5')).toBeVisible();
  expect(await app.rulesText()).toContain('--probability 0.20000000019');
});

test('loading another scenario from the toolbar replaces the editor text', async ({ app }) => {
  const { page } = app;
  await app.open();
  const editor = new EditorPage(page);
  const rules = new RulesPage(page);
  await editor.ready();
  await page.getByTestId('toolbar.scenario').selectOption('nodeport');
  await editor.settled();
  const text = await editor.text();
  expect(text).toContain('NodePort');
  expect(text).not.toContain('clusterip-service');
  expect(text).toBe(await page.evaluate(() => window.__podpath!.state().yaml));
  await expect(editor.content).toContainText('A NodePort Service');
  // A fresh scenario: nothing to compare with, so no change marks.
  await expect(rules.changes).toHaveCount(0);
  // Undo brings the previous text back (the load is one transaction).
  await editor.content.click();
  await page.keyboard.press('Control+z');
  await editor.settled();
  expect(await editor.text()).toContain('clusterip-service');
});

test('the editor follows the dark theme', async ({ app }) => {
  const { page } = app;
  await app.open();
  const editor = new EditorPage(page);
  await editor.ready();
  await page.getByTestId('toolbar.theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page
    .locator('[data-testid="editor.cm"] .cm-editor')
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toBe('rgb(26, 32, 41)'); // --panel in the dark theme
  await app.screenshots('editor-dark');
});
