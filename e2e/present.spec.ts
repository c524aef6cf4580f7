/**
 * Presentation mode (`?present` or the Present button): type readable from the back of a room, no
 * editor, a topology that does not move when touched, and the arrow keys stepping the packet with
 * the hop counter in view.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { LessonsPage } from './pages/lessons-page.ts';
import { PacketsPage } from './pages/packets-page.ts';

const fontPx = (l: Locator) => l.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));

/** The topology's pan/zoom transform. */
const viewport = (page: Page) =>
  page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);

/** Drags across the middle of the topology and turns the wheel over it. */
async function dragAndWheel(page: Page): Promise<void> {
  const box = (await page.getByTestId('topology').boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 120, y + 60, { steps: 5 });
  await page.mouse.up();
  await page.mouse.wheel(0, -400);
  await page.waitForTimeout(150);
}

test('?present: large type, no editor, a locked picture, arrow keys step with a visible counter', async ({
  app,
}) => {
  test.slow(); // many steps and two sets of screenshots
  const { page } = app;
  const packets = new PacketsPage(page);
  await app.open('present&speed=instant');
  await expect(page.locator('.app')).toHaveAttribute('data-presenting', 'true');
  await expect(page.getByTestId('editor')).toBeHidden();
  await expect(page.getByTestId('tabs.yaml')).toBeHidden();
  await expect(page.getByTestId('share.present')).toHaveAttribute('aria-pressed', 'true');

  await packets.send('default/client', 'default/clusterip-service:80/tcp');
  const n = await packets.stepCount();
  await packets.press('Home');
  await expect(packets.position).toHaveText(`hop 1 / ${String(n)}`);
  for (let i = 2; i <= 4; i++) {
    await packets.press('ArrowRight');
    await expect(packets.position).toHaveText(`hop ${String(i)} / ${String(n)}`);
  }
  await packets.press('ArrowLeft');
  await expect(packets.position).toHaveText(`hop 3 / ${String(n)}`);
  await expect(packets.position).toBeInViewport();

  // Readable from the back: the counter, the hop list, the inspector, the rules.
  expect(await fontPx(packets.position)).toBeGreaterThanOrEqual(18);
  expect(await fontPx(packets.hops.nth(2))).toBeGreaterThanOrEqual(18);
  expect(await fontPx(packets.inspector)).toBeGreaterThanOrEqual(18);
  expect(await fontPx(page.getByTestId('rules.line').first())).toBeGreaterThanOrEqual(16);
  expect(await fontPx(page.getByTestId('request.send'))).toBeGreaterThanOrEqual(18);

  // A drag or a wheel over the picture moves nothing.
  const before = await viewport(page);
  await dragAndWheel(page);
  expect(await viewport(page)).toBe(before);
  await app.screenshots('present-hop');

  // Out of presentation mode the same gestures pan and zoom: the lock was real.
  await page.getByTestId('share.present').click();
  await expect(page.getByTestId('editor')).toBeVisible();
  const unlocked = await viewport(page);
  await dragAndWheel(page);
  expect(await viewport(page)).not.toBe(unlocked);
});

test('the Present button turns presentation mode on and off; a lesson stays beside the picture', async ({
  app,
}) => {
  const { page } = app;
  const present = page.getByTestId('share.present');
  const lessons = new LessonsPage(page);
  await app.open('speed=instant');
  await expect(page.getByTestId('editor')).toBeVisible();
  const normal = await fontPx(page.getByTestId('request.send'));

  await present.click();
  await expect(present).toHaveAttribute('aria-pressed', 'true');
  await expect(present).toHaveText('Stop presenting');
  await expect(page.getByTestId('editor')).toBeHidden();
  expect(await fontPx(page.getByTestId('request.send'))).toBeGreaterThan(normal);
  expect(new URL(page.url()).search).toBe('?speed=instant');

  await present.click();
  await expect(present).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('editor')).toBeVisible();
  expect(await fontPx(page.getByTestId('request.send'))).toBe(normal);

  // With a lesson open, presenting keeps the lesson on the left (large), still no editor.
  await lessons.openTab();
  await lessons.open('clusterip');
  await present.click();
  await expect(lessons.step).toBeVisible();
  await expect(page.getByTestId('editor')).toBeHidden();
  expect(await fontPx(lessons.step.locator('.lesson-body'))).toBeGreaterThanOrEqual(18);
  await lessons.next.click();
  await page.getByTestId('request.send').click();
  await lessons.expectTaskDone(true);
  await app.screenshots('present-lesson');
});
