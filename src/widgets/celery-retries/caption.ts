/**
 * What a step did, in Russian words, read from the model's events of that step: the caption
 * under the widget and the live region say it — at most two short sentences, two lines on the
 * stage. Nothing here decides what happens.
 */
import type { CeleryEvent } from '../../broker/celery/index.ts';
import type { CeleryView, Frame } from './logic.ts';
import { VISIBILITY_TIMEOUT_S, type CelerySettings, type TaskSpec } from './story.ts';

const BROKER = { redis: 'Redis', rabbitmq: 'RabbitMQ' } as const;

/** Python's int() of the countdown formula, as text: how Celery got this pause. */
export function countdownFormula(s: CelerySettings, retries: number, countdown: number): string {
  if (s.retry === 'countdown') {
    return `countdown = ${s.backoff === 1 ? '' : `${s.backoff}·`}2^${retries} = ${countdown} с`;
  }
  if (s.backoff === 0) return `retry_backoff=0 — пауза default_retry_delay = ${countdown} с`;
  const raw = s.backoff * 2 ** retries;
  const capped = Math.min(s.backoffMax, raw);
  const cap = raw > s.backoffMax ? `min(${s.backoffMax}, ${raw}) = ${capped}` : `${capped}`;
  return s.jitter
    ? `пауза: случайное из [0, ${cap}] → ${countdown} с (retry_jitter)`
    : `пауза: ${s.backoff}·2^${retries} = ${cap} → ${countdown} с`;
}

/** The ETA (virtual ms) of the message a task-received event is about, or null if it has none. */
function etaOf(events: readonly CeleryEvent[], retries: number): number | null {
  const sent = events.findLast(
    (e): e is Extract<CeleryEvent, { type: 'task-sent' }> =>
      e.type === 'task-sent' && e.retries === retries,
  );
  return sent?.eta ?? null;
}

/**
 * One event in words. Task states are what AsyncResult.state returns (task_track_started=True in
 * tasks.py); task-received is only a worker event (celery/states.py: RECEIVED is «only used in
 * events»), so its sentence names the event and leaves the state as it was.
 */
function sentence(
  e: CeleryEvent,
  events: readonly CeleryEvent[],
  task: TaskSpec,
  s: CelerySettings,
): string | null {
  const broker = BROKER[s.transport];
  switch (e.type) {
    case 'task-sent':
      return e.retries === 0
        ? `${task.name}.delay(): сообщение в очереди ${broker}, delay() сразу вернул id — PENDING.`
        : null;
    case 'task-received': {
      if (e.redelivered) return `${broker} доставил задачу заново (redelivered) — ${e.worker}.`;
      const eta = etaOf(events, e.retries);
      // celery/worker/strategy.py: an ETA request waits on the worker's timer, its message unacked.
      if (eta !== null && eta > e.at)
        return `${e.worker} сразу получил повтор и держит его без ack до ETA.`;
      if (e.retries > 0) return `${e.worker} сразу получил повтор: пауза 0 с.`;
      return `${e.worker} получил сообщение (событие task-received) — всё ещё PENDING.`;
    }
    case 'task-started':
      return `${e.worker} выполняет ${task.name}, запуск ${e.run}${
        s.acksLate ? '' : ' (ack уже отправлен: acks_late=False)'
      } — STARTED.`;
    case 'task-retried':
      return `${e.exception}: повтор ${e.retries + 1} из ${s.maxRetries}, ${countdownFormula(s, e.retries, e.countdown)} — RETRY.`;
    case 'task-succeeded':
      return `Задача вернула результат — SUCCESS${s.acksLate ? ', ack только теперь' : ''}.`;
    case 'task-failed':
      return s.retry === 'none'
        ? `${e.exception}, повтор не настроен — FAILURE.`
        : `${e.exception}: попытки исчерпаны (max_retries=${s.maxRetries}) — FAILURE.`;
    case 'worker-offline':
      // RabbitMQ's consumer_timeout (30 min) closed the channel: Celery stops the worker.
      if (e.error !== undefined)
        return `RabbitMQ закрыл канал ${e.worker}: нет ack дольше consumer_timeout (30 мин) — Celery остановил воркер, сообщения снова в очереди.`;
      if (e.lostTaskIds.length > 0)
        return `${e.worker} упал посреди задачи. acks_late=False: ack был до запуска — задача потеряна, навсегда STARTED.`;
      return s.transport === 'rabbitmq'
        ? `${e.worker} упал посреди задачи. acks_late=True: ack не было — RabbitMQ сразу вернул сообщение в очередь.`
        : `${e.worker} упал посреди задачи. acks_late=True: Redis вернёт сообщение только через visibility_timeout (по умолчанию 1 ч, здесь ${VISIBILITY_TIMEOUT_S} с).`;
    default:
      return null;
  }
}

/** Two sentences fit two stage lines up to about this many characters. */
const TWO_LINES = 130;

/** The caption of a frame: the step's last one or two happenings. */
export function caption(view: CeleryView): string {
  return captionFor(view.frame, view.story.task, view.settings);
}

/** The caption after `frame` of `task` run under `settings`. */
export function captionFor(frame: Frame, task: TaskSpec, settings: CelerySettings): string {
  if (frame.step === 0)
    return `${task.name} ещё не отправлена: про неизвестный id Celery тоже отвечает PENDING.`;
  const said = frame.stepEvents
    .map((e) => ({
      received: e.type === 'task-received',
      text: sentence(e, frame.events, task, settings),
    }))
    .filter((x): x is { received: boolean; text: string } => x.text !== null);
  if (said.length === 0) {
    return frame.lost
      ? 'Задача потеряна: ack ушёл до запуска (acks_late=False) — навсегда STARTED.'
      : 'Больше ничего не происходит.';
  }
  // Two sentences only while they fit two stage lines; otherwise the latest one that is not the
  // hand-over to a worker (the picture shows that on the worker's lane).
  const two = said.slice(-2);
  const joined = two.map((x) => x.text).join(' ');
  if (joined.length <= TWO_LINES) return joined;
  const main = two.filter((x) => !x.received).at(-1) ?? two.at(-1);
  return main?.text ?? joined;
}

/** The decorator and retry call as Python, so the audience reads what the picture runs. */
export function declaration(task: TaskSpec, s: CelerySettings): string {
  const opts: string[] = [];
  if (s.retry === 'countdown') opts.push('bind=True');
  if (s.retry === 'autoretry') {
    opts.push(
      `autoretry_for=(${task.exception},)`,
      `retry_backoff=${s.backoff === 1 ? 'True' : s.backoff}`,
    );
    opts.push(`retry_backoff_max=${s.backoffMax}`, `retry_jitter=${s.jitter ? 'True' : 'False'}`);
  }
  if (s.retry !== 'none') opts.push(`max_retries=${s.maxRetries}`);
  opts.push(`acks_late=${s.acksLate ? 'True' : 'False'}`);
  const head = `@app.task(${opts.join(', ')})`;
  return s.retry === 'countdown'
    ? `${head} … self.retry(exc=exc, countdown=${s.backoff === 1 ? '' : `${s.backoff} * `}2 ** self.request.retries)`
    : head;
}
