/**
 * The worker side of a list queue: a worker that took a task either finishes it or crashes. A
 * task taken by BRPOP/RPOP exists only in the dead process, so a crash loses it; a task taken
 * by LMOVE/BLMOVE also sits in the processing list, so it survives for a janitor to requeue.
 */
import { unblock } from './blocking.ts';
import type { Draft } from './draft.ts';
import { lrem } from './lists.ts';
import { own, drop } from '../core/record.ts';
import { dropSubscriptions } from './pubsub.ts';

/** The worker finishes its task; a task LMOVEd to a processing list is LREMed from it. */
export function finishTask(d: Draft, client: string): void {
  const task = own(d.clients, client)?.task;
  if (!task) throw new RangeError(`finishTask: client "${client}" holds no task`);
  if (task.processingList !== undefined) {
    const command = {
      type: 'LREM',
      key: task.processingList,
      count: 1,
      value: task.value,
    } as const;
    d.reply(client, 'LREM', ['LREM', task.processingList, '1', task.value], lrem(d, command));
  }
  d.updateClient(client, { task: undefined });
  d.events.push({ type: 'taskDone', at: d.now, client, task });
}

/**
 * The worker process dies: its connection closes (blocked pops and subscriptions end) and its
 * task is lost unless a processing list still holds it.
 */
export function crash(d: Draft, client: string): void {
  const state = own(d.clients, client);
  d.events.push({ type: 'crash', at: d.now, client });
  if (!state) return;
  if (state.blocked) unblock(d, client, 'disconnected');
  dropSubscriptions(d, client);
  const task = state.task;
  if (task) {
    if (task.processingList === undefined) {
      d.stats = { ...d.stats, lostTasks: d.stats.lostTasks + 1 };
      d.events.push({ type: 'taskLost', at: d.now, client, task });
    } else {
      d.events.push({ type: 'taskSurvived', at: d.now, client, task });
    }
  }
  drop(d.clients, client);
}
