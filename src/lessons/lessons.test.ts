/**
 * Every lesson walked to its checks through the store, as a learner would: set the step up, see the
 * check fail, do what the task asks, see it pass.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createAppStore, type AppStore } from '../store/app-store.ts';
import { applySetup } from './apply-setup.ts';
import { LESSONS } from './lessons.ts';

const scenario = (name: string) =>
  readFileSync(new URL(`../../scenarios/${name}/scenario.yaml`, import.meta.url), 'utf8');

/** What the learner does for each task, by `lesson/step`. */
const ACTIONS: Record<string, (store: AppStore) => void> = {
  'docker-one-host/same-host': (st) => st.getState().send(),
  'docker-one-host/masquerade': (st) => st.getState().send(),
  'docker-two-hosts/collision': (st) => st.getState().send(),
  'docker-two-hosts/unreachable': (st) => st.getState().send(),
  'cni-weave/switch': (st) => st.getState().setCni('weave'),
  'cni-weave/vxlan': (st) => st.getState().send(),
  'daemonsets/join': (st) => st.getState().addWorker(),
  'daemonsets/leave': (st) => st.getState().removeWorker(),
  'clusterip/dnat': (st) => st.getState().send(),
  'probability/ladder': (st) => st.getState().runBurst(3000),
  'probability/four': (st) => {
    st.getState().scale('default', 'deploy-nginx', 4);
    st.getState().runBurst(4000);
  },
  'conntrack/first-packet': (st) => st.getState().send(),
  'challenges/selector': (st) => {
    st.getState().setYaml(st.getState().yaml.replace('app: wbe', 'app: web'));
    st.getState().send();
  },
  'challenges/quarter': (st) => {
    st.getState().scale('default', 'web', 4);
    st.getState().runBurst(4000);
  },
};

describe('lessons', () => {
  test('ids are unique and every step has both languages', () => {
    const ids = LESSONS.flatMap((l) => l.steps.map((s) => `${l.id}/${s.id}`));
    expect(new Set(ids).size).toBe(ids.length);
    for (const l of LESSONS)
      for (const s of l.steps) {
        for (const text of [l.title, l.summary, s.title, s.body, s.task?.text, s.task?.hint])
          if (text) expect(text.en.length > 0 && text.ko.length > 0).toBe(true);
      }
    expect(Object.keys(ACTIONS).sort()).toEqual(
      LESSONS.flatMap((l) => l.steps.filter((s) => s.task).map((s) => `${l.id}/${s.id}`)).sort(),
    );
  });

  for (const lesson of LESSONS) {
    test(`${lesson.id}: each task fails before the learner acts and passes after`, () => {
      const store = createAppStore({ yaml: scenario('article'), scenarioName: 'article' });
      for (const step of lesson.steps) {
        applySetup(store, step.setup, scenario);
        expect(store.getState().model, `${step.id}: the step's cluster compiles`).not.toBeNull();
        expect(store.getState().stale).toBe(false);
        if (!step.task) continue;
        expect(step.task.check(store.getState()), `${step.id} before`).toBe(false);
        ACTIONS[`${lesson.id}/${step.id}`]!(store);
        expect(step.task.check(store.getState()), `${step.id} after`).toBe(true);
      }
    });
  }
});
