/**
 * The guided lessons: a list to pick from, then one step at a time. Entering a step sets the app up
 * through the store; the task's check reads the engine's output and turns green by itself.
 */
import { useEffect } from 'react';
import { applySetup } from '../../lessons/apply-setup.ts';
import { LESSONS, lessonById } from '../../lessons/lessons.ts';
import { scenarioText } from '../app/scenarios.ts';
import { useAppStore, useAppStoreApi } from '../app/store-context.ts';
import { useT } from '../i18n/i18n.ts';
import { LESSON_MESSAGES } from './messages.ts';
import { RichText } from './RichText.tsx';
import './lessons.css';

function LessonList() {
  const t = useT(LESSON_MESSAGES);
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.lang);
  const done = useAppStore((s) => s.lessonDone);
  const resume = useAppStore((s) => s.lessonResume);
  const start = (id: string, step: number) => {
    const lesson = lessonById(id);
    if (!lesson) return;
    // Set up every step up to the resumed one, so the cluster is what that step expects.
    for (let i = 0; i <= step; i++) applySetup(store, lesson.steps[i]?.setup, scenarioText);
    store.getState().openLesson({ id, step });
  };
  return (
    <div className="lesson-list" data-testid="lessons.list">
      <p className="lesson-intro">{t('pick')}</p>
      <ol>
        {LESSONS.map((l) => {
          const tasks = l.steps.filter((s) => s.task).map((s) => `${l.id}/${s.id}`);
          const n = tasks.filter((k) => done.includes(k)).length;
          const at = resume[l.id];
          return (
            <li key={l.id} className={n === tasks.length && tasks.length > 0 ? 'complete' : ''}>
              <button
                type="button"
                data-testid={`lessons.open.${l.id}`}
                onClick={() => start(l.id, at ?? 0)}
              >
                <strong>{l.title[lang]}</strong>
                <span className="lesson-summary">{l.summary[lang]}</span>
                <span className="lesson-progress">
                  {t('finished', { done: n, n: tasks.length })}
                  {at !== undefined && at > 0 ? ` · ${t('resume')}` : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function LessonStepView({ id, step }: { id: string; step: number }) {
  const t = useT(LESSON_MESSAGES);
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.lang);
  const lesson = lessonById(id);
  const current = lesson?.steps[step];
  const key = `${id}/${current?.id ?? ''}`;
  const passed = useAppStore((s) => (current?.task ? current.task.check(s) : false));
  const wasDone = useAppStore((s) => s.lessonDone.includes(key));
  const tried = useAppStore((s) => s.trace !== null || s.burst !== null);
  useEffect(() => {
    if (passed) store.getState().markStepDone(key);
  }, [passed, key, store]);
  // Point at what the step is about; it stays while the learner edits the YAML in the other tab.
  useEffect(() => {
    store.getState().setLessonFocus(current?.focus ?? []);
  }, [current, store]);
  if (!lesson || !current) return null;
  const go = (i: number) => {
    applySetup(store, lesson.steps[i]?.setup, scenarioText);
    store.getState().openLesson({ id, step: i });
  };
  const done = passed || wasDone;
  return (
    <article className="lesson-step" data-testid="lessons.step" data-step={current.id}>
      <header>
        <button
          type="button"
          className="link"
          data-testid="lessons.exit"
          onClick={() => store.getState().closeLesson()}
        >
          ← {t('exit')}
        </button>
        <h2>{lesson.title[lang]}</h2>
        <p className="lesson-counter" data-testid="lessons.counter">
          {t('stepOf', { i: step + 1, n: lesson.steps.length })}
        </p>
      </header>
      <h3>{current.title[lang]}</h3>
      <p className="lesson-body">
        <RichText text={current.body[lang]} />
      </p>
      {current.task && (
        <section
          className={`lesson-task ${done ? 'task-done' : ''}`}
          data-testid="lessons.task"
          data-done={done ? 'true' : 'false'}
          aria-live="polite"
        >
          <h4>
            {t('task')} <span className="task-status">{done ? `✓ ${t('done')}` : t('notYet')}</span>
          </h4>
          <p>
            <RichText text={current.task.text[lang]} />
          </p>
          {!done && tried && (
            <p className="lesson-hint">
              <RichText text={current.task.hint[lang]} />
            </p>
          )}
        </section>
      )}
      <footer className="lesson-nav">
        <button
          type="button"
          data-testid="lessons.prev"
          disabled={step === 0}
          onClick={() => go(step - 1)}
        >
          {t('prev')}
        </button>
        <button
          type="button"
          data-testid="lessons.next"
          disabled={step >= lesson.steps.length - 1}
          onClick={() => go(step + 1)}
        >
          {t('next')}
        </button>
      </footer>
    </article>
  );
}

export default function LessonPanel() {
  const t = useT(LESSON_MESSAGES);
  const lesson = useAppStore((s) => s.lesson);
  return (
    <section className="pane lesson-pane" aria-label={t('lessons')}>
      {lesson ? <LessonStepView id={lesson.id} step={lesson.step} /> : <LessonList />}
    </section>
  );
}
