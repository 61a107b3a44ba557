/**
 * The thin animation layer: after a step forward, the published message slides out of the
 * publisher, each copy flies from the Redis row it went through into its subscriber's inbox, a
 * message nobody got shakes and fades in its red row, and a subscriber who joined or left fades.
 * Web Animations only; never called with reduced motion; the caller cancels them.
 */
import type { RedisEvent } from '../../broker/redis/index.ts';
import type { PubSubView } from './logic.ts';

/** What moves in a frame, decided from the view alone (tested in Node). */
export interface PubSubMotion {
  readonly publish: boolean;
  /** Subscriber clients whose newest inbox item flies in, and the row it flies from. */
  readonly copies: readonly { readonly client: string; readonly row: string }[];
  readonly lost: boolean;
  /** Subscribers that joined or left in this frame. */
  readonly changed: readonly string[];
}

/** The motion of the frame `view` relative to the one before it. */
export function motionOf(view: PubSubView): PubSubMotion {
  const last = view.last;
  const copies = last.flatMap((e: RedisEvent) =>
    e.type === 'message'
      ? [{ client: e.client, row: `channel:${e.channel}` }]
      : e.type === 'pmessage'
        ? [{ client: e.client, row: `pattern:${e.pattern}` }]
        : [],
  );
  const changed = last.flatMap((e) =>
    e.type === 'SUBSCRIBE' ||
    e.type === 'PSUBSCRIBE' ||
    e.type === 'UNSUBSCRIBE' ||
    e.type === 'PUNSUBSCRIBE'
      ? [e.client]
      : [],
  );
  return {
    publish: last.some((e) => e.type === 'PUBLISH'),
    copies,
    lost: last.some((e) => e.type === 'messageDropped'),
    changed: [...new Set(changed)],
  };
}

/** Starts the frame's animations inside `board` at `speed`; returns them for cancelling. */
export function animateBoard(board: HTMLElement, motion: PubSubMotion, speed: number): Animation[] {
  const started: Animation[] = [];
  const ms = (n: number): number => n / speed;
  const find = (selector: string): HTMLElement | null => board.querySelector(selector);
  const token = find('[data-token]');
  if (motion.publish && token) {
    started.push(
      token.animate(
        [
          { transform: 'translateX(-1.5em)', opacity: 0 },
          { transform: 'none', opacity: 1 },
        ],
        { duration: ms(350), easing: 'ease-out', fill: 'backwards' },
      ),
    );
  }
  for (const copy of motion.copies) {
    const from = find(`[data-row="${CSS.escape(copy.row)}"]`);
    const card = find(`[data-subscriber="${CSS.escape(copy.client)}"]`);
    const to = card?.querySelector<HTMLElement>('li:last-child');
    if (!from || !to || !card) continue;
    const a = from.getBoundingClientRect();
    const b = to.getBoundingClientRect();
    const dx = a.left + a.width / 2 - (b.left + b.width / 2);
    const dy = a.top + a.height / 2 - (b.top + b.height / 2);
    started.push(
      to.animate(
        [
          { transform: `translate(${dx}px, ${dy}px)`, opacity: 0.4 },
          { transform: 'none', opacity: 1 },
        ],
        { duration: ms(650), delay: ms(300), easing: 'cubic-bezier(.4,0,.2,1)', fill: 'backwards' },
      ),
    );
  }
  const lost = find('[data-row="lost"]');
  if (motion.lost && lost) {
    started.push(
      lost.animate(
        [
          { transform: 'translateX(0)', opacity: 0 },
          { transform: 'translateX(-0.4em)', opacity: 1, offset: 0.4 },
          { transform: 'translateX(0.4em)', offset: 0.7 },
          { transform: 'none', opacity: 1 },
        ],
        { duration: ms(700), delay: ms(300), fill: 'backwards' },
      ),
    );
  }
  for (const client of motion.changed) {
    const card = find(`[data-subscriber="${CSS.escape(client)}"]`);
    if (!card) continue;
    started.push(
      card.animate(
        [
          { transform: 'scale(0.92)', opacity: 0.2 },
          { transform: 'none', opacity: 1 },
        ],
        { duration: ms(450), easing: 'ease-out' },
      ),
    );
  }
  return started;
}
