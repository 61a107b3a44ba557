/**
 * Predict, then see: where a task ends up after a worker's crash or a second failure — back in
 * the queue, with the other worker, deleted or dead-lettered. The answer is where the kit's next
 * frame draws the task; asked on the story as scripted (a student's actions replay after the step).
 */
import { makeQuestion, questionsOf, type Asker } from '../runtime/question.ts';
import { acksLogic, type AcksModel, type AcksView, type ChipView } from './logic.ts';
import type { AcksAction } from './sim.ts';
import { RABBIT_ACKS_STEPS, type AcksStoryName } from './story.ts';

/** Before which steps a question is asked, and what it is about. */
type Subject = 'crash' | 'requeued' | 'fails-again';

const ACKS_QUESTION_STEPS: Readonly<Record<AcksStoryName, Readonly<Record<number, Subject>>>> = {
  acks: { 2: 'crash', 3: 'requeued' },
  consumer: { 2: 'fails-again', 3: 'crash' },
};

/** The places a task can be drawn in, in words. */
function placeNames(view: AcksView): {
  readonly queue: string;
  readonly dead: string;
  readonly lost: string;
} {
  return {
    queue: `Ждёт в очереди ${view.queue}`,
    dead: view.deadLetterQueue === null ? 'Удалена брокером' : `В ${view.deadLetterQueue}`,
    lost: 'Потеряна',
  };
}

/** Where `task` is drawn in `view`: a worker's name (held or acked), the queue, dead, or lost. */
function placeOf(view: AcksView, task: number): string {
  const names = placeNames(view);
  const is = (c: ChipView): boolean => c.task === task;
  const worker = view.workers.find((w) => w.held.some(is) || w.acked.some(is));
  if (worker) return worker.name;
  if (view.ready.some(is)) return names.queue;
  if (view.dead.some(is)) return names.dead;
  return names.lost;
}

function explainPlace(view: AcksView, task: number, place: string): string {
  const names = placeNames(view);
  if (place === names.queue)
    return `Ack не пришёл: брокер вернул задачу ${task} в очередь (redelivered).`;
  if (place === names.dead) {
    return view.deadLetterQueue === null
      ? `Отказ без requeue, а dead-letter exchange нет: брокер удалил задачу ${task}.`
      : `Отказ без requeue: задача ${task} ушла в ${view.deadLetterQueue}.`;
  }
  if (place === names.lost) return `Задача ${task} пропала.`;
  return `${place} свободен: брокер доставил ему задачу ${task} повторно.`;
}

/** The task a question is about, and the question's words. */
function subjectOf(subject: Subject, view: AcksView): { task: number; text: string } | undefined {
  switch (subject) {
    case 'crash': {
      const worker = view.workers.find((w) => w.up && w.held.length > 0);
      const task = worker?.held[0]?.task;
      return worker && task !== undefined
        ? { task, text: `${worker.name} упадёт с задачей ${task}. Где она окажется?` }
        : undefined;
    }
    case 'requeued': {
      const task = view.ready.find((c) => c.redelivered)?.task;
      return task === undefined
        ? undefined
        : { task, text: `Задача ${task} вернулась в очередь. Кто её получит?` };
    }
    case 'fails-again': {
      const chip = view.workers.flatMap((w) => w.held).find((c) => c.redelivered && c.fault);
      return chip
        ? { task: chip.task, text: `Задача ${chip.task} снова упадёт с ошибкой. Где она окажется?` }
        : undefined;
    }
  }
}

const ask: Asker<AcksModel, AcksView, AcksAction, AcksStoryName> = ({ story, step, now, next }) => {
  // Asked only where `asks` below says so: the scripted story at a step of the table.
  const subject = ACKS_QUESTION_STEPS[story][step];
  const about = subject && subjectOf(subject, now.view);
  if (!about) return undefined;
  const place = placeOf(next.view, about.task);
  const names = placeNames(next.view);
  return makeQuestion({
    id: `rabbit-acks/${story}/${step}`,
    text: about.text,
    right: place,
    wrong: [...next.view.workers.map((w) => w.name), names.queue, names.dead],
    explain: explainPlace(next.view, about.task, place),
  });
};

/** The question before step `step + 1` of `story` with the student's `actions`, or undefined. */
export const acksQuestion = questionsOf(
  acksLogic,
  RABBIT_ACKS_STEPS,
  ask,
  (s, n, acts) => acts.length === 0 && ACKS_QUESTION_STEPS[s][n] !== undefined,
);
