/**
 * Every guided lesson walked to its checks through the UI a learner uses (the toolbar, the request
 * picker, Send, playback keys, burst mode, the YAML editor), in English and in Korean, with a
 * screenshot of each step at 1280×720. Then a lesson left half-way and resumed after reloads.
 */
import type { Page } from '@playwright/test';
import { LESSONS, lessonById } from '../src/lessons/lessons.ts';
import type { Lang } from '../src/store/view-slice.ts';
import { expect, test } from './fixtures.ts';
import { EditorPage } from './pages/editor-page.ts';
import { LESSON_VIEWPORT, LessonsPage } from './pages/lessons-page.ts';
import { PacketsPage } from './pages/packets-page.ts';
import { RulesPage } from './pages/rules-page.ts';
import { TopologyPage } from './pages/topology-page.ts';

test.use({ viewport: LESSON_VIEWPORT });

/** Presses Send in the packet panel with the request the step (or the learner) picked. */
async function send(page: Page): Promise<void> {
  await page.getByTestId('request.send').click();
  await expect(page.getByTestId('trace.outcome')).toBeVisible();
}

/** Steps with → from the first hop until `reached` holds (playback with the keyboard). */
async function stepUntil(packets: PacketsPage, reached: () => Promise<boolean>): Promise<void> {
  await packets.press('Home');
  await expect.poll(() => packets.hopIndex()).toBe(0);
  for (let i = 0; i < 60 && !(await reached()); i++) {
    const before = await packets.hopIndex();
    await packets.press('ArrowRight');
    await expect.poll(() => packets.hopIndex()).toBe(before + 1);
  }
  expect(await reached()).toBe(true);
}

async function burst(page: Page, connections: number): Promise<void> {
  await new PacketsPage(page).burst(connections);
  await expect(page.getByTestId('burst.counted')).toContainText(
    connections.toLocaleString('en-US'),
  );
}

/** What the learner does for each task, by `lesson/step`: only clicks and keys. */
const ACTIONS: Record<string, (page: Page) => Promise<void>> = {
  'docker-one-host/same-host': async (page) => {
    await expect(page.getByTestId('request.from')).toHaveValue('default/web-a');
    await expect(page.getByTestId('request.to')).toHaveValue('default/web-b:80');
    await send(page);
  },
  'docker-one-host/masquerade': async (page) => {
    const packets = new PacketsPage(page);
    await expect(page.getByTestId('request.address')).toHaveValue('203.0.113.10:80');
    await send(page);
    // Find the hop where the source becomes the host's address.
    await stepUntil(
      packets,
      async () =>
        (await packets.after('source').textContent())?.startsWith('192.168.56.11') ?? false,
    );
    await expect(packets.inspector).toContainText('MASQUERADE');
  },
  'docker-two-hosts/collision': async (page) => {
    await new PacketsPage(page).send('default/web-a', '172.17.0.2:80');
  },
  'docker-two-hosts/unreachable': async (page) => {
    await new PacketsPage(page).send('default/web-a', 'db:5432');
    await expect(page.getByTestId('trace.outcome')).toHaveAttribute('data-kind', 'unreachable');
  },
  'cni-weave/switch': async (page) => {
    await new TopologyPage(page).setCni('weave');
  },
  'cni-weave/vxlan': async (page) => {
    const packets = new PacketsPage(page);
    await send(page);
    await packets.seek(
      await packets.hops.evaluateAll((rows) =>
        rows.findIndex((r) => r.getAttribute('data-kind') === 'encap'),
      ),
    );
    await expect(packets.outer()).toContainText('6784');
  },
  'daemonsets/join': async (page) => {
    const topo = new TopologyPage(page);
    await topo.addWorker();
    await expect(topo.node('node3')).toBeVisible();
  },
  'daemonsets/leave': async (page) => {
    const topo = new TopologyPage(page);
    await topo.removeWorker();
    await expect(topo.node('node3')).toHaveCount(0);
  },
  'clusterip/dnat': async (page) => {
    const packets = new PacketsPage(page);
    await send(page);
    await stepUntil(packets, async () =>
      /^10\.36\.0\.\d:80$/.test((await packets.after('destination').textContent()) ?? ''),
    );
    await expect(packets.inspector.getByTestId('inspector.rules')).toContainText('DNAT');
  },
  'probability/ladder': (page) => burst(page, 3000),
  'probability/four': async (page) => {
    await page.getByTestId('toolbar.scale-up.deploy-nginx').click();
    await expect(page.getByTestId('toolbar.replicas.deploy-nginx')).toHaveText('4');
    await burst(page, 3000);
    await expect(page.getByTestId('burst.bar')).toHaveCount(4);
  },
  'conntrack/first-packet': async (page) => {
    const packets = new PacketsPage(page);
    await send(page);
    // Three packets and their replies: the last hop is the third reply, back at the client.
    await packets.press('End');
    await expect(packets.before('source')).toHaveText('10.100.100.100:80');
  },
  'challenges/selector': async (page) => {
    const lessons = new LessonsPage(page);
    const rules = new RulesPage(page);
    // Before the fix: node1's request is rejected, and the filter table says why.
    await send(page);
    await expect(page.getByTestId('trace.outcome')).toHaveAttribute('data-kind', 'rejected');
    await expect(rules.filter).toHaveValue('10.100.50.50');
    await expect(rules.text).toContainText('default/web-svc has no endpoints');
    // Fix the selector's typo in the editor, then back to the lesson and send again.
    await lessons.yamlTab.click();
    const editor = new EditorPage(page);
    await editor.ready();
    await editor.retypeLineEnd('app: wbe', 3, 'web');
    await editor.settled();
    await lessons.tab.click();
    await lessons.at('selector');
    await send(page);
    await expect(page.getByTestId('trace.outcome')).toHaveAttribute('data-kind', 'delivered');
    await expect(page.getByTestId('trace.outcome')).toContainText('default/web-');
    // The REJECT rule is gone (struck out among the changes, not among the current rules).
    await expect(rules.lines('removed')).toContainText(['has no endpoints']);
    expect((await rules.currentLines()).join('\n')).not.toContain('has no endpoints');
  },
  'challenges/quarter': async (page) => {
    const up = page.getByTestId('toolbar.scale-up.web');
    await up.click();
    await up.click();
    await expect(page.getByTestId('toolbar.replicas.web')).toHaveText('4');
    await burst(page, 3000);
  },
};

test('every lesson task has an action here', () => {
  const tasks = LESSONS.flatMap((l) => l.steps.filter((s) => s.task).map((s) => `${l.id}/${s.id}`));
  expect(Object.keys(ACTIONS).sort()).toEqual(tasks.sort());
});

for (const lang of ['en', 'ko'] as const satisfies readonly Lang[]) {
  for (const lesson of LESSONS) {
    test(`lesson ${lesson.id} (${lang}): every task turns done through the UI`, async ({ app }) => {
      const { page } = app;
      const lessons = new LessonsPage(page);
      await app.open('speed=instant');
      await lessons.setLang(lang);
      await lessons.openTab();
      await expect(lessons.entry(lesson.id)).toContainText(lesson.title[lang]);
      await lessons.open(lesson.id);

      for (const [i, step] of lesson.steps.entries()) {
        await lessons.at(step.id);
        await expect(lessons.step.locator('h3')).toHaveText(step.title[lang]);
        await expect(lessons.counter).toHaveText(
          lang === 'en'
            ? `Step ${String(i + 1)} of ${String(lesson.steps.length)}`
            : `${String(lesson.steps.length)}단계 중 ${String(i + 1)}단계`,
        );
        if (step.task) {
          await lessons.expectTaskDone(false);
          await ACTIONS[`${lesson.id}/${step.id}`]!(page);
          await lessons.expectTaskDone(true);
        } else {
          await expect(lessons.task).toHaveCount(0);
        }
        await lessons.screenshot(lesson.id, step.id, lang);
        if (i < lesson.steps.length - 1) await lessons.next.click();
        else await expect(lessons.next).toBeDisabled();
      }

      // Back in the list, the lesson shows all its tasks done.
      await lessons.exit.click();
      await expect(lessons.entry(lesson.id).locator('xpath=..')).toHaveClass(/complete/);
    });
  }
}

test('a lesson left half-way resumes where it was, with its progress, after reloads', async ({
  app,
}) => {
  const { page } = app;
  const lessons = new LessonsPage(page);
  const lesson = lessonById('docker-two-hosts')!;
  await app.open('speed=instant');
  await lessons.openTab();
  await lessons.open(lesson.id);
  await lessons.at('collision');
  await ACTIONS['docker-two-hosts/collision']!(page);
  await lessons.expectTaskDone(true);
  await lessons.next.click();
  await lessons.at('unreachable');

  // A reload keeps the lesson open at its step, with the step's request in the picker.
  await page.reload();
  await expect(lessons.step).toBeVisible();
  await lessons.at('unreachable');
  await expect(lessons.counter).toHaveText('Step 2 of 2');
  await expect(page.getByTestId('request.from')).toHaveValue('default/web-a');
  await expect(page.getByTestId('request.address')).toHaveValue('db:5432');
  await lessons.expectTaskDone(false);
  // The first step's task is remembered as done.
  await lessons.prev.click();
  await lessons.at('collision');
  await lessons.expectTaskDone(true);
  await lessons.next.click();

  // Leave the lesson: the list shows its progress and offers to resume.
  await lessons.exit.click();
  await expect(lessons.entry(lesson.id)).toContainText('1 of 2 tasks done');
  await expect(lessons.entry(lesson.id)).toContainText('Resume');
  await page.reload();
  await lessons.openTab();
  await expect(lessons.entry(lesson.id)).toContainText('1 of 2 tasks done · Resume');

  // Resume: back at step 2, finish it.
  await lessons.open(lesson.id);
  await lessons.at('unreachable');
  await send(page);
  await lessons.expectTaskDone(true);
  await lessons.exit.click();
  await expect(lessons.entry(lesson.id)).toContainText('2 of 2 tasks done');
  await expect(lessons.entry(lesson.id).locator('xpath=..')).toHaveClass(/complete/);
  await page.reload();
  await lessons.openTab();
  await expect(lessons.entry(lesson.id)).toContainText('2 of 2 tasks done');
});
