/**
 * Predict, then see: «which worker will take письмо 1?» before the first LPUSH, and «what
 * becomes of the task?» before each crash (BRPOP: lost; BLMOVE: kept in processing). Answers are
 * read from the kit's next frame; asked on the story as scripted (a student's actions replay
 * after the step, so the worker or task asked about could differ from what they see).
 */
import { makeQuestion, questionFor, type Asker, type Question } from '../runtime/question.ts';
import type { Frame } from '../runtime/timeline.ts';
import { listQueueLogic, type QueueAction, type QueueModel, type QueueView } from './logic.ts';
import { LIST_QUEUE_SCENARIO, LIST_QUEUE_STEPS, PROCESSING, QUEUE } from './story.ts';

type Story = 'list-queue';

/** Nobody waits: the task stays in the list. */
const NOBODY = `Никто: останется в ${QUEUE}`;
/** Where a crashed worker's task can end up. */
export const FATE = {
  lost: 'Пропадёт навсегда',
  kept: `Останется в ${PROCESSING}`,
  back: `Вернётся в ${QUEUE}`,
} as const;

/** The steps asked before (0 = before step 1). */
const LIST_QUEUE_QUESTION_STEPS: readonly number[] = [0, 4, 6];

function takerQuestion(step: number, now: QueueView, next: QueueView): Question | undefined {
  const push = LIST_QUEUE_SCENARIO[step]?.[0];
  const value = push?.type === 'LPUSH' ? push.values[0] : undefined;
  if (value === undefined) return undefined;
  const taker = next.workers.find((w) => w.status === 'busy' && w.task === value);
  const right = taker ? taker.label : NOBODY;
  const alive = now.workers.filter((w) => w.status !== 'crashed').map((w) => w.label);
  return makeQuestion({
    id: `redis-list-queue/list-queue/${step}`,
    text: `API делает LPUSH «${value}». Какой воркер его возьмёт?`,
    right,
    wrong: [...alive, NOBODY],
    explain: taker
      ? `BRPOP обслуживает ждущих по очереди: первым ждал ${taker.label}.`
      : 'Свободных воркеров нет: задача ждёт в списке.',
  });
}

function crashQuestion(step: number, now: QueueView, next: QueueView): Question | undefined {
  const crash = LIST_QUEUE_SCENARIO[step]?.find((c) => c.type === 'crash');
  if (crash?.type !== 'crash') return undefined;
  const worker = now.workers.find((w) => w.client === crash.client);
  if (worker?.status !== 'busy' || worker.task === undefined) return undefined;
  const task = worker.task;
  const fate = next.crashes.find((c) => c.worker === crash.client && c.value === task);
  if (!fate) return undefined;
  const inQueue = next.queue.includes(task);
  const right = inQueue ? FATE.back : fate.lost ? FATE.lost : FATE.kept;
  return makeQuestion({
    id: `redis-list-queue/list-queue/${step}`,
    text: `${worker.label} (${worker.mode}) упадёт с «${task}». Что станет с задачей?`,
    right,
    wrong: [FATE.lost, FATE.kept, FATE.back],
    explain: fate.lost
      ? 'BRPOP снял задачу из Redis: упавший воркер унёс её с собой.'
      : `BLMOVE оставил копию в ${PROCESSING}: её можно вернуть в очередь.`,
  });
}

/** Called only where `asks` below says yes: the scripted story at LIST_QUEUE_QUESTION_STEPS. */
const ask: Asker<QueueModel, QueueView, QueueAction, Story> = ({ step, now, next }) =>
  takerQuestion(step, now.view, next.view) ?? crashQuestion(step, now.view, next.view);

/** The question before step `step + 1` with the student's `actions`, or undefined. */
export function listQueueQuestion(
  step: number,
  actions: readonly QueueAction[] = [],
  now?: Frame<QueueModel, QueueView>,
): Question | undefined {
  const at = { story: 'list-queue' as const, step, actions, now };
  return questionFor(listQueueLogic, LIST_QUEUE_STEPS, ask, at, (_story, n, acts) => {
    return acts.length === 0 && LIST_QUEUE_QUESTION_STEPS.includes(n);
  });
}
