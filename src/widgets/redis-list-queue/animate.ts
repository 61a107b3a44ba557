/**
 * The thin animation layer: after a step forward, new tasks fly from the API into the head of the
 * list, a task a worker took flies from the list's tail to the worker, a task moved back by LMOVE
 * flies from the processing list, and a crashed worker shakes. Web Animations only; never called
 * with reduced motion; the caller cancels them.
 */
import type { QueueView } from './logic.ts';

/** What moves in a frame, decided from the view alone (tested in Node). */
export interface QueueMotion {
  /** How many head cells of the queue are new. */
  readonly pushed: number;
  /** Workers that took a task in this frame. */
  readonly taken: readonly string[];
  readonly requeued: boolean;
  readonly crashed: readonly string[];
}

/** The motion of the frame `view` relative to the one before it. */
export function motionOf(view: QueueView): QueueMotion {
  let pushed = 0;
  const taken: string[] = [];
  const crashed: string[] = [];
  let requeued = false;
  for (const e of view.last) {
    if (e.type === 'LPUSH') pushed += e.args.length - 2;
    if (
      (e.type === 'BRPOP' || e.type === 'BLMOVE') &&
      (Array.isArray(e.reply) || typeof e.reply === 'string')
    ) {
      taken.push(e.client);
    }
    if (e.type === 'LMOVE' && typeof e.reply === 'string') requeued = true;
    if (e.type === 'crash') crashed.push(e.client);
  }
  return {
    pushed: Math.max(0, Math.min(view.queue.length, pushed - taken.length)),
    taken,
    requeued,
    crashed,
  };
}

function fly(el: Element, from: Element, ms: number, delay: number): Animation {
  const a = from.getBoundingClientRect();
  const b = el.getBoundingClientRect();
  const dx = a.left + a.width / 2 - (b.left + b.width / 2);
  const dy = a.top + a.height / 2 - (b.top + b.height / 2);
  return el.animate(
    [
      { transform: `translate(${dx}px, ${dy}px)`, opacity: 0.3 },
      { transform: 'none', opacity: 1 },
    ],
    { duration: ms, delay, easing: 'cubic-bezier(.4,0,.2,1)', fill: 'backwards' },
  );
}

/** Starts the frame's animations inside `board` at `speed`; returns them for cancelling. */
export function animateBoard(board: HTMLElement, motion: QueueMotion, speed: number): Animation[] {
  const started: Animation[] = [];
  const ms = (n: number): number => n / speed;
  const api = board.querySelector('[data-part="api"]');
  const queue = board.querySelector('[data-part="queue"] [data-list]');
  const processing = board.querySelector('[data-part="processing"] [data-list]');
  if (api) {
    for (const cell of board.querySelectorAll<HTMLElement>('[data-part="queue"] [data-index]')) {
      if (Number(cell.dataset['index']) < motion.pushed) started.push(fly(cell, api, ms(600), 0));
    }
  }
  const tail = queue?.lastElementChild ?? queue;
  if (motion.requeued && processing && tail) started.push(fly(tail, processing, ms(600), 0));
  for (const client of motion.taken) {
    const chip = board.querySelector(`[data-worker="${CSS.escape(client)}"] [data-held]`);
    if (chip && queue) started.push(fly(chip, queue, ms(650), ms(motion.pushed > 0 ? 350 : 0)));
  }
  for (const client of motion.crashed) {
    const card = board.querySelector(`li[data-worker="${CSS.escape(client)}"]`);
    if (!card) continue;
    started.push(
      card.animate(
        [
          { transform: 'none' },
          { transform: 'translateX(-0.3em) rotate(-1deg)', offset: 0.25 },
          { transform: 'translateX(0.3em) rotate(1deg)', offset: 0.6 },
          { transform: 'none' },
        ],
        { duration: ms(500) },
      ),
    );
  }
  return started;
}
