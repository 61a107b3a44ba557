/** Every widget's questions in one table, for the invariants every question keeps. */
import { WIDGETS } from '../../../../src/lecture/names.ts';
import type { Question } from '../../../../src/widgets/runtime/question.ts';
import { celeryQuestion } from '../../../../src/widgets/celery-retries/questions.ts';
import { routingQuestion } from '../../../../src/widgets/exchange-routing/questions.ts';
import { kafkaQuestion } from '../../../../src/widgets/kafka-partitions/questions.ts';
import { orderFlowQuestion } from '../../../../src/widgets/order-flow/questions.ts';
import { acksQuestion } from '../../../../src/widgets/rabbit-acks/questions.ts';
import { listQueueQuestion } from '../../../../src/widgets/redis-list-queue/questions.ts';

/** A widget asked about, with its scripted question for a story and step. */
export interface Asked {
  readonly widget: keyof typeof WIDGETS;
  readonly question: (story: string, step: number) => Question | undefined;
}

/** The story parameter of a question function. */
type StoryArg<F extends (...args: never[]) => unknown> = Parameters<F>[0];

export const ASKED: readonly Asked[] = [
  {
    widget: 'exchange-routing',
    question: (s, n) => routingQuestion(s as StoryArg<typeof routingQuestion>, n),
  },
  {
    widget: 'kafka-partitions',
    question: (s, n) => kafkaQuestion(s as StoryArg<typeof kafkaQuestion>, n),
  },
  { widget: 'redis-list-queue', question: (_story, step) => listQueueQuestion(step) },
  {
    widget: 'rabbit-acks',
    question: (s, n) => acksQuestion(s as StoryArg<typeof acksQuestion>, n),
  },
  {
    widget: 'celery-retries',
    question: (s, n) => celeryQuestion(s as StoryArg<typeof celeryQuestion>, n),
  },
  {
    widget: 'order-flow',
    question: (s, n) => orderFlowQuestion(s as StoryArg<typeof orderFlowQuestion>, n),
  },
];

/** Every scripted question: widget, story, step asked before (0 = before step 1). */
export function everyQuestion(): { widget: string; story: string; step: number; q: Question }[] {
  const out: { widget: string; story: string; step: number; q: Question }[] = [];
  for (const { widget, question } of ASKED) {
    const entry = WIDGETS[widget];
    const stories: readonly string[] = entry.stories;
    for (const story of stories) {
      for (let step = -1; step <= entry.steps; step++) {
        const q = question(story, step);
        if (q) out.push({ widget, story, step, q });
      }
    }
  }
  return out;
}
