/**
 * The caption in words: what the broker did in the last step or student action (from the
 * simulation's happenings), plus what the picture means now — an idle worker next to a loaded
 * one, and when the work will be done. It must read in two lines on the stage, so every sentence
 * has a weight and the lightest ones are left out when the step's story is long (the board
 * still shows them): crashes, nacks and lost tasks first, routine deliveries last.
 */
import type { AcksView } from './logic.ts';
import type { Happening, Settled } from './sim.ts';
import { pluralWord } from '../../lecture/russian.ts';

/** Seconds as the audience reads them: «2 с», «1,5 с». */
export function seconds(ms: number): string {
  const s = Math.round(ms / 100) / 10;
  return `${String(s).replace('.', ',')} с`;
}

/** «1, 3, 5» with a ↻ after redelivered ones; past four, just how many. */
function tasks(list: readonly { task: number; redelivered?: boolean }[]): string {
  if (list.length > 4) return `${list.length} ${tasksWord(list.length)}`;
  return list.map((t) => `${t.task}${t.redelivered ? '↻' : ''}`).join(', ');
}

/** «задача»/«задачи»/«задач» after a number. */
export function tasksWord(n: number): string {
  return pluralWord(n, ['задача', 'задачи', 'задач']);
}

function byWorker<T extends { worker: string }>(
  list: readonly T[],
  names: ReadonlyMap<string, string>,
  show: (items: readonly T[]) => string,
  arrow = ' ← ',
): string {
  const groups = new Map<string, T[]>();
  for (const item of list) groups.set(item.worker, [...(groups.get(item.worker) ?? []), item]);
  return [...groups]
    .map(([id, items]) => `${names.get(id) ?? id}${arrow}${show(items)}`)
    .join('; ');
}

/** Characters a stage caption holds in two lines at the stage's text size. */
export const CAPTION_BUDGET = 140;

/** One sentence and its weight (0 = must be told; larger = dropped first). */
export interface Sentence {
  readonly weight: number;
  readonly text: string;
}

type Of<T extends Happening['type']> = Extract<Happening, { type: T }>;

/** The happenings as weighted sentences, in the order a lecturer would tell them. */
export function sentences(view: AcksView): Sentence[] {
  const { log, workers } = view;
  const names = new Map(workers.map((w) => [w.id, w.name]));
  const name = (id: string): string => names.get(id) ?? id;
  const pick = <T extends Happening['type']>(type: T): Of<T>[] =>
    log.filter((h): h is Of<T> => h.type === type);
  const out: Sentence[] = [];
  const say = (weight: number, text: string): void => {
    out.push({ weight, text });
  };
  if (view.published === 0) {
    say(0, `Очередь ${view.queue}, воркеры подписаны с ручным ack — задач пока нет.`);
  }
  for (const h of pick('crash')) {
    const list = tasks(h.held.map((task) => ({ task })));
    const held =
      h.held.length === 0 ? '' : `, держа ${h.held.length === 1 ? 'задачу' : 'задачи'} ${list}`;
    say(1, `${name(h.worker)} упал${held}: соединение оборвалось, ack уже не придёт.`);
  }
  for (const h of pick('revive')) say(8, `${name(h.worker)} перезапущен и снова подписан.`);
  for (const h of pick('qos')) {
    const limit = h.prefetch === 0 ? 'без лимита' : String(h.prefetch);
    say(1, `basic.qos(prefetch_count=${limit}): воркеры переподписались.`);
  }
  const published = pick('published');
  if (published.length > 0) {
    const first = published[0]?.task ?? 0;
    const last = published.at(-1)?.task ?? 0;
    say(
      12,
      published.length === 1
        ? `Опубликована задача ${first}.`
        : `Опубликованы задачи ${first}–${last}.`,
    );
  }
  const acks = log.filter((h): h is Settled => h.type === 'ack');
  if (acks.length > 0) say(10, `basic.ack: ${byWorker(acks, names, (a) => tasks(a), ' — ')}.`);
  for (const h of log.filter((h): h is Settled => h.type === 'nack' || h.type === 'reject')) {
    const why =
      h.cause === 'error' ? ' — ошибка в callback' : h.cause === 'invalid' ? ' — не JSON' : '';
    const requeue = h.requeue ? 'True' : 'False';
    say(2, `${name(h.worker)}: basic_${h.type}(задача ${h.task}, requeue=${requeue})${why}.`);
  }
  const requeued = pick('requeued');
  if (requeued.length > 0) {
    say(
      4,
      requeued.length === 1
        ? `Задача ${tasks(requeued)} вернулась в очередь с redelivered=true.`
        : `Вернулись в очередь с redelivered=true: ${tasks(requeued)}.`,
    );
  }
  for (const h of pick('dead-lettered'))
    say(3, `Задача ${h.task} ушла в ${h.queue} (dead letter).`);
  for (const h of pick('dropped')) say(3, `Задача ${h.task} удалена: у очереди нет DLX.`);
  // A delivery settled or requeued later in the same step is told by that settlement instead.
  const gone = (task: number, after: number) =>
    log.some(
      (h, i) =>
        i > after &&
        'task' in h &&
        h.task === task &&
        ['ack', 'nack', 'reject', 'requeued'].includes(h.type),
    );
  const delivered = log.filter(
    (h, i): h is Of<'deliver'> => h.type === 'deliver' && !gone(h.task, i),
  );
  if (delivered.length > 0) {
    say(11, `basic.deliver: ${byWorker(delivered, names, (d) => tasks(d))}.`);
    const again = delivered.filter((d) => d.redelivered).map((d) => d.task);
    if (again.length === 1) {
      say(
        5,
        `redelivered=true у задачи ${again[0]}: её уже доставляли — обработка должна быть идемпотентной.`,
      );
    } else if (again.length > 1) {
      say(5, `redelivered=true у задач ${again.join(', ')}: их уже доставляли.`);
    }
  }
  const idle = pick('idle')[0];
  if (idle && !out.some((s) => s.weight > 0)) {
    say(9, `Прошло ${seconds(idle.ms)} — никто ничего не подтвердил.`);
  }
  const balance = imbalance(view);
  if (balance) say(6, balance);
  const outlook = forecast(view);
  // Work that nobody is left to do outweighs what happened on the way there.
  if (outlook) say(view.doneAt === null ? 2 : 7, outlook);
  return out;
}

/** An idle worker next to one that holds a backlog: what unlimited prefetch does. */
function imbalance(view: AcksView): string {
  const up = view.workers.filter((w) => w.up);
  const idle = up.find((w) => w.held.length === 0);
  const loaded = up.find((w) => w.held.length >= 2);
  if (!idle || !loaded || view.ready.length > 0) return '';
  return `${idle.name} простаивает, а ${loaded.name} держит в буфере ещё ${loaded.held.length - 1}.`;
}

function forecast(view: AcksView): string {
  const left = view.ready.length + view.workers.reduce((n, w) => n + w.held.length, 0);
  if (left === 0) return view.published > 0 ? 'Все задачи обработаны.' : '';
  if (view.doneAt === null)
    return `${left} ${tasksWord(left)} ждут, но ни один воркер не работает.`;
  return `Всё будет готово к ${seconds(view.doneAt)}.`;
}

/**
 * The caption: the step's lead (if any), then what happened and what it means now — the
 * weightiest sentences that fit {@link CAPTION_BUDGET}, told in their own order.
 */
export function caption(view: AcksView): string {
  const all = sentences(view);
  const kept = new Set<Sentence>();
  let used = view.lead ? view.lead.length + 1 : 0;
  for (const s of [...all].sort((a, b) => a.weight - b.weight)) {
    if (s.weight > 0 && used + s.text.length > CAPTION_BUDGET) continue;
    kept.add(s);
    used += s.text.length + 1;
  }
  const told = all.filter((s) => kept.has(s)).map((s) => s.text);
  return [view.lead, ...told].filter(Boolean).join(' ') || 'Ничего не изменилось.';
}
