/**
 * Predict, then see: «when does the client get its answer?» before the response (sync step 4,
 * async step 2), and «what does the client get when the mail server fails?» before the failure
 * step. Answers are read from the kit's next frame and the core's runs for that frame's input,
 * so a student's durations and failures change them.
 */
import { orderFlow } from '../../broker/orderflow/index.ts';
import { makeQuestion, questionsOf, type Asker } from '../runtime/question.ts';
import { formatMs } from './labels.ts';
import {
  orderFlowLogic,
  type OrderFlowAction,
  type OrderFlowFrameView,
  type OrderFlowModel,
} from './logic.ts';
import { ORDER_FLOW_STEPS, type StoryKind } from './story.ts';

/** What the client can get back. */
export const REPLY = { 201: '201 Created', 500: '500: ошибка сервера' } as const;

function whenQuestion(story: StoryKind, step: number, next: OrderFlowFrameView) {
  const { frame } = next;
  const runs = orderFlow(frame.input);
  const ms = story === 'sync' ? frame.syncNow : frame.asyncNow;
  const d = frame.input.durations;
  return makeQuestion({
    id: `order-flow/${story}/${step}`,
    text: `Через сколько клиент получит ответ${story === 'async' ? ' с брокером' : ''}?`,
    right: formatMs(ms),
    wrong: [
      formatMs(d.saveOrder),
      formatMs(runs.sync.responseMs),
      formatMs(runs.async.responseMs),
      formatMs(runs.async.doneMs),
      formatMs(d.saveOrder + d.sendEmail),
    ],
    explain:
      story === 'sync'
        ? 'Синхронно клиент ждёт и письмо, и остатки, и склад.'
        : 'С брокером API только пишет в БД и публикует задачи — и сразу отвечает.',
    order: (a, b) =>
      Number.parseFloat(a.replace(/\s/g, '')) - Number.parseFloat(b.replace(/\s/g, '')),
  });
}

function failureQuestion(story: StoryKind, step: number, next: OrderFlowFrameView) {
  const runs = orderFlow(next.frame.input);
  const run = story === 'sync' ? runs.sync : runs.async;
  return makeQuestion({
    id: `order-flow/${story}/${step}`,
    text: 'Почтовый сервер упадёт на первом письме. Что получит клиент?',
    right: REPLY[run.status],
    wrong: [REPLY[201], REPLY[500]],
    explain:
      run.status === 500
        ? 'Письмо — часть запроса: его сбой ломает ответ, хотя заказ уже в БД.'
        : 'Письмо шлёт воркер после ответа: клиент получил 201, сбой его не касается.',
  });
}

/** The question asked before step `step + 1` of `story`, if any. */
function askerAt(story: StoryKind, step: number): typeof whenQuestion | undefined {
  if (step === ORDER_FLOW_STEPS - 1) return failureQuestion;
  if (step === (story === 'sync' ? 3 : 1)) return whenQuestion;
  return undefined;
}

const ask: Asker<OrderFlowModel, OrderFlowFrameView, OrderFlowAction, StoryKind> = ({
  story,
  step,
  next,
}) => askerAt(story, step)?.(story, step, next.view);

/** The question before step `step + 1` of `story` with the student's `actions`, or undefined. */
export const orderFlowQuestion = questionsOf(
  orderFlowLogic,
  ORDER_FLOW_STEPS,
  ask,
  (s, n) => askerAt(s, n) !== undefined,
);
