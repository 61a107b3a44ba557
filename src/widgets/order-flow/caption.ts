/**
 * The caption of each step in words: what just happened and what the client is waiting for,
 * one idea in at most two lines. Every number comes from the core's runs for the frame's input,
 * never from the slide text.
 */
import { orderFlow, type OrderFlowRun } from '../../broker/orderflow/index.ts';
import { SPAN_STYLE, TASK_NAME, formatMs } from './labels.ts';
import { taskStatesAt } from './tasks.ts';
import { ORDER_FLOW_STEPS, type Frame, type StoryKind } from './story.ts';
import { listRu } from '../../lecture/russian.ts';

function syncFailure(run: OrderFlowRun): string {
  const failed = run.spans.find((s) => s.lane === 'api' && s.status === 'error');
  const what = failed ? SPAN_STYLE[failed.label].name : 'шаг';
  return `Синхронно: ${what} — сбой, клиент получает ошибку 500 через ${formatMs(run.responseMs)}, хотя заказ уже в БД`;
}

function syncCaption(run: OrderFlowRun, step: number, now: number): string {
  if (run.status === 500 && now >= run.responseMs) return syncFailure(run);
  if (step === 1) return `Синхронно: заказ записан в БД за ${formatMs(now)} — клиент всё ещё ждёт`;
  if (step < 4) {
    const done = run.spans.filter((s) => s.lane === 'api' && s.end <= now).at(-1);
    const what = done ? SPAN_STYLE[done.label].done : 'шаг выполнен';
    return `Синхронно: ${what} к ${formatMs(now)} — клиент всё ещё ждёт ответа`;
  }
  return `Клиент ждёт ${formatMs(run.responseMs)}: письмо, остатки и склад — в его запросе`;
}

function workersLine(run: OrderFlowRun, now: number): string {
  const parts = taskStatesAt(run, now).map((t) => {
    const name = TASK_NAME[t.task];
    if (t.place === 'done') return `${name} — готово к ${formatMs(t.endAt)}`;
    if (t.place === 'lost') return `${name} — потеряно`;
    return `${name} — в работе`;
  });
  return parts.join('; ');
}

function asyncCaption(run: OrderFlowRun, step: number, now: number): string {
  if (step === 1) return `Через брокер: тот же заказ записан в БД за ${formatMs(now)}`;
  if (step === 2) {
    return `Три задачи опубликованы в очереди — клиент получил ответ через ${formatMs(run.responseMs)}`;
  }
  if (step === 3) return `Воркеры работают независимо: ${workersLine(run, now)}`;
  const lost = taskStatesAt(run, now).filter((t) => t.place === 'lost');
  if (lost.length > 0) {
    const names = listRu(lost.map((t) => TASK_NAME[t.task]));
    return `К ${formatMs(run.doneMs)} воркеры закончили, но ${names} — потеряно: воркер упал, а BRPOP уже снял задачу; ответ клиенту — через ${formatMs(run.responseMs)}`;
  }
  return `Все задачи выполнены к ${formatMs(run.doneMs)}, а клиент получил ответ уже через ${formatMs(run.responseMs)}`;
}

function failureCaption(kind: StoryKind, frame: Frame): string {
  const { sync, async } = orderFlow(frame.input);
  if (kind === 'sync')
    return `Почтовый сервер упал: клиент получил ошибку 500 через ${formatMs(sync.responseMs)}, а заказ уже в БД`;
  const email = taskStatesAt(async, frame.asyncNow).find((t) => t.task === 'email');
  // workers.py: BRPOP has already removed the task, and the exception ends the worker.
  return `Почтовый сервер упал: воркер писем падает к ${formatMs(email?.endAt ?? async.doneMs)}, BRPOP уже снял задачу — письмо потеряно, повтора нет. Клиент получил 201 за ${formatMs(async.responseMs)}`;
}

/** The caption after `step` of story `kind` shown with `frame`. */
export function captionFor(kind: StoryKind, step: number, frame: Frame): string {
  if (step <= 0) {
    return kind === 'sync'
      ? 'Клиент отправил заказ: POST /orders — смотрим, сколько он ждёт без брокера'
      : 'Тот же заказ через брокер: обработчик только записывает его и публикует задачи';
  }
  if (step >= ORDER_FLOW_STEPS) return failureCaption(kind, frame);
  const runs = orderFlow(frame.input);
  return kind === 'sync'
    ? syncCaption(runs.sync, step, frame.syncNow)
    : asyncCaption(runs.async, step, frame.asyncNow);
}
