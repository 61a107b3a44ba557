/**
 * The caption in words: what the broker did in the last step or student action (from the
 * simulation's happenings, grouped so that a 4-second run still reads in two lines), plus what
 * the picture means now — an idle worker next to a loaded one, and when the work will be done.
 */
import type { AcksView, WorkerView } from './session.ts';
import type { Happening, Settled } from './sim.ts';

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
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return 'задача';
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 'задачи';
  return 'задач';
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

type Of<T extends Happening['type']> = Extract<Happening, { type: T }>;

/** The happenings as a few sentences, in the order a lecturer would tell them. */
export function describeLog(log: readonly Happening[], workers: readonly WorkerView[]): string {
  const names = new Map(workers.map((w) => [w.id, w.name]));
  const name = (id: string): string => names.get(id) ?? id;
  const pick = <T extends Happening['type']>(type: T): Of<T>[] =>
    log.filter((h): h is Of<T> => h.type === type);
  const out: string[] = [];
  for (const h of pick('crash')) {
    const list = tasks(h.held.map((task) => ({ task })));
    const held =
      h.held.length === 0 ? '' : `, держа ${h.held.length === 1 ? 'задачу' : 'задачи'} ${list}`;
    out.push(`${name(h.worker)} упал${held}: соединение оборвалось, ack уже не придёт.`);
  }
  for (const h of pick('revive')) out.push(`${name(h.worker)} перезапущен и снова подписан.`);
  for (const h of pick('qos')) {
    const limit = h.prefetch === 0 ? 'без лимита' : String(h.prefetch);
    out.push(`basic.qos(prefetch_count=${limit}): воркеры переподписались.`);
  }
  const published = pick('published');
  if (published.length > 0) {
    const first = published[0]?.task ?? 0;
    const last = published[published.length - 1]?.task ?? 0;
    out.push(
      published.length === 1
        ? `Опубликована задача ${first}.`
        : `Опубликованы задачи ${first}–${last}.`,
    );
  }
  const settled = (type: Settled['type']) => log.filter((h): h is Settled => h.type === type);
  const acks = settled('ack');
  if (acks.length > 0) {
    out.push(`basic.ack (удалено из очереди): ${byWorker(acks, names, (a) => tasks(a), ' — ')}.`);
  }
  for (const h of log.filter((h): h is Settled => h.type === 'nack' || h.type === 'reject')) {
    const why =
      h.cause === 'error' ? ' (ошибка в callback)' : h.cause === 'invalid' ? ' (не JSON)' : '';
    const requeue = h.requeue ? 'True' : 'False';
    out.push(`${name(h.worker)}: basic_${h.type}(задача ${h.task}, requeue=${requeue})${why}.`);
  }
  const requeued = pick('requeued');
  if (requeued.length > 0) {
    out.push(
      requeued.length === 1
        ? `Задача ${tasks(requeued)} вернулась в очередь с redelivered=true.`
        : `Вернулись в очередь с redelivered=true: ${tasks(requeued)}.`,
    );
  }
  for (const h of pick('dead-lettered'))
    out.push(`Задача ${h.task} ушла в ${h.queue} (dead letter).`);
  for (const h of pick('dropped'))
    out.push(`Задача ${h.task} удалена: у очереди нет DLX, и requeue=False её не сохраняет.`);
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
    out.push(`basic.deliver: ${byWorker(delivered, names, (d) => tasks(d))}.`);
    const again = delivered.filter((d) => d.redelivered).map((d) => d.task);
    if (again.length === 1) {
      out.push(
        `redelivered=true у задачи ${again[0]}: её уже доставляли — обработка должна быть идемпотентной.`,
      );
    } else if (again.length > 1) {
      out.push(`redelivered=true у задач ${again.join(', ')}: их уже доставляли.`);
    }
  }
  if (out.length === 0) {
    const idle = pick('idle')[0];
    out.push(idle ? `Прошло ${seconds(idle.ms)} — никто ничего не подтвердил.` : '');
  }
  return out.filter(Boolean).join(' ');
}

/** An idle worker next to one that holds a backlog: what unlimited prefetch does. */
function imbalance(view: AcksView): string {
  const up = view.workers.filter((w) => w.up);
  const idle = up.find((w) => w.held.length === 0);
  const loaded = up.find((w) => w.held.length >= 2);
  if (!idle || !loaded || view.ready.length > 0) return '';
  return ` ${idle.name} простаивает, а ${loaded.name} держит в буфере ещё ${loaded.held.length - 1}.`;
}

function forecast(view: AcksView): string {
  const left = view.ready.length + view.workers.reduce((n, w) => n + w.held.length, 0);
  if (left === 0) return view.published > 0 ? ' Все задачи обработаны.' : '';
  if (view.doneAt === null)
    return ` ${left} ${tasksWord(left)} ждут, но ни один воркер не работает.`;
  return ` Всё будет готово к ${seconds(view.doneAt)}.`;
}

/** The caption: the step's lead (if any), what happened, and what it means now. */
export function captionFor(view: AcksView, lead: string | undefined): string {
  const what = describeLog(view.log, view.workers);
  const start =
    view.published === 0
      ? `Очередь ${view.queue}, воркеры подписаны с ручным ack — задач пока нет.`
      : '';
  return [lead, start, what].filter(Boolean).join(' ') + imbalance(view) + forecast(view);
}
