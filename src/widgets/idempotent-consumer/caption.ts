/** The caption: what the last step or payment did, in at most two short sentences. */
import type { IdempotentView } from './logic.ts';

/** The caption of one frame. */
export function caption(view: IdempotentView): string {
  if (view.empty) return 'Платёж ещё не отправлен. Нажмите «Шаг ▶» (на слайде — →).';
  const told = view.said.length > 0 ? view.said.slice(-2).join(' ') : 'Ничего нового.';
  return view.own ? `Ваш платёж. ${told}` : told;
}
