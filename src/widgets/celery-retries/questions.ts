/**
 * Predict, then see: «what becomes of the task when worker1 dies?» (slide 39) and «how will the
 * task end?» before the last step of the retry stories (slides 38, 41). The answers are read
 * from the kit's next frame under the student's settings (a setting reshapes the whole story).
 */
import { makeQuestion, questionTable, questionsOf } from '../runtime/question.ts';
import {
  celeryLogic,
  type CeleryAction,
  type CeleryModel,
  type CeleryView,
  type ResultState,
} from './logic.ts';
import { CELERY_STEPS, type CeleryStoryName } from './story.ts';

/** The answers to «what becomes of the task?». */
export const FATE = {
  lost: 'Потеряется навсегда',
  again: 'Брокер отдаст её снова',
  retry: 'Celery сам её повторит',
} as const;

/** The final states a run can end in, as `AsyncResult.state` says. */
const ENDS: readonly ResultState[] = ['SUCCESS', 'FAILURE', 'RETRY'];

function crashQuestion(story: CeleryStoryName, step: number, now: CeleryView, next: CeleryView) {
  const offline = next.frame.stepEvents.find((e) => e.type === 'worker-offline');
  if (!offline) return undefined;
  const right = next.frame.lost ? FATE.lost : FATE.again;
  const late = `acks_late=${next.settings.acksLate ? 'True' : 'False'}`;
  return makeQuestion({
    id: `celery-retries/${story}/${step}`,
    text: `${offline.worker} умрёт посреди ${now.story.task.name}. Что будет с задачей?`,
    right,
    wrong: [FATE.lost, FATE.again, FATE.retry],
    explain: next.frame.lost
      ? `${late}: сообщение подтверждено до запуска — повторить задачу некому.`
      : `${late}: ack не отправлен, брокер вернёт сообщение другому воркеру.`,
  });
}

function endQuestion(story: CeleryStoryName, step: number, now: CeleryView, next: CeleryView) {
  const state = next.frame.taskState;
  if (state === null || !next.frame.idle) return undefined;
  const runs = next.frame.events.filter((e) => e.type === 'task-started').length;
  const s = next.settings;
  const limit = s.retry === 'none' ? 'без retry' : `max_retries=${s.maxRetries}`;
  return makeQuestion({
    id: `celery-retries/${story}/${step}`,
    text: `Сбоев до успеха: ${s.failures}, ${limit}. Чем кончится ${now.story.task.name}?`,
    right: state,
    wrong: ENDS,
    explain: `Запусков ${runs}: AsyncResult.state = ${state}.`,
  });
}

/** Before which step (0 = before step 1) each story asks, and what. */
const CELERY_QUESTIONS = questionTable<CeleryModel, CeleryView, CeleryAction, CeleryStoryName>({
  acks: { 2: crashQuestion },
  backoff: { [CELERY_STEPS - 1]: endQuestion },
  'max-retries': { [CELERY_STEPS - 1]: endQuestion },
});

/** The question before step `step + 1` of `story` with the student's `actions`, or undefined. */
export const celeryQuestion = questionsOf(
  celeryLogic,
  CELERY_STEPS,
  CELERY_QUESTIONS.ask,
  CELERY_QUESTIONS.asks,
);
