/**
 * The thin animation layer: after a step forward, the published message slides out of the
 * publisher, the Redis row each copy went through lights up and the copy appears in its
 * subscriber's inbox, a message nobody got shakes and fades in its red row, and a subscriber who
 * joined or left fades in. Everything moves in place: nothing crosses a label.
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
  // Each copy is told in place, never flown across the board (a flight would cover labels and
  // be clipped by the scrolling lists): the Redis row it went through lights up, then the copy
  // appears in its subscriber's inbox.
  const rows = new Set<string>();
  for (const copy of motion.copies) {
    const from = find(`[data-row="${CSS.escape(copy.row)}"]`);
    const card = find(`[data-subscriber="${CSS.escape(copy.client)}"]`);
    const to = card?.querySelector<HTMLElement>('li:last-child');
    if (from && !rows.has(copy.row)) {
      rows.add(copy.row);
      started.push(
        from.animate(
          [
            { boxShadow: '0 0 0 0.3em rgb(30 122 60 / 55%)' },
            { boxShadow: '0 0 0 0 rgb(30 122 60 / 0%)' },
          ],
          { duration: ms(600), delay: ms(200), easing: 'ease-out' },
        ),
      );
    }
    if (!to) continue;
    started.push(
      to.animate(
        [
          { transform: 'scale(0.6)', opacity: 0 },
          { transform: 'none', opacity: 1 },
        ],
        { duration: ms(450), delay: ms(500), easing: 'cubic-bezier(.4,0,.2,1)', fill: 'backwards' },
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
