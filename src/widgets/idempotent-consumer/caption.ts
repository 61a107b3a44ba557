/** The caption: what the last step or payment did, in at most two short sentences. */
import type { IdempotentView } from './logic.ts';

/** The caption of one frame: a student's payment is told by what its last run did. */
export function caption(view: IdempotentView): string {
  if (view.empty) return 'Платёж ещё не отправлен. Нажмите «Шаг ▶» (на слайде — →).';
  if (view.own) {
    const run = view.said.filter((s) => s.event === 'task-started' || s.event === 'worker-offline');
    const last = run.at(-1) ?? view.said.at(-1);
    return `Ваш платёж. ${last?.text ?? 'Ничего нового.'}`;
  }
  const told = view.said.slice(-2).map((s) => s.text);
  return told.length > 0 ? told.join(' ') : 'Ничего нового.';
}
