/**
 * The moving part: a task chip that changes place between two frames glides from where it was
 * (FLIP: first, last, invert, play); a chip that is new fades in. The new frame is already drawn,
 * so cancelling or skipping an animation never changes what is shown.
 */

/** Where each chip (by `data-task`) sits, in viewport pixels. */
export type ChipPlaces = ReadonlyMap<string, { readonly x: number; readonly y: number }>;

/** One chip's move: the offset to start from, or undefined when it appears. */
export interface ChipMove {
  readonly key: string;
  readonly from: { readonly dx: number; readonly dy: number } | undefined;
}

/** Reads chip places from a board. */
export function chipPlaces(board: ParentNode): ChipPlaces {
  const out = new Map<string, { x: number; y: number }>();
  for (const el of board.querySelectorAll<HTMLElement>('[data-task]')) {
    const r = el.getBoundingClientRect();
    out.set(el.dataset['task'] ?? '', { x: r.left, y: r.top });
  }
  return out;
}

/** The moves that turn `before` into `after`; chips that stayed put (within 1 px) do not move. */
export function chipMoves(before: ChipPlaces, after: ChipPlaces): ChipMove[] {
  const moves: ChipMove[] = [];
  for (const [key, at] of after) {
    const was = before.get(key);
    if (!was) {
      moves.push({ key, from: undefined });
      continue;
    }
    const dx = was.x - at.x;
    const dy = was.y - at.y;
    if (Math.abs(dx) > 1 || Math.abs(dy) > 1) moves.push({ key, from: { dx, dy } });
  }
  return moves;
}

/** Base duration of one move at 1× (ms). */
export const MOVE_MS = 700;

/** Plays `moves` on the chips of `board` at `speed`; the caller cancels what it returns. */
export function playMoves(
  board: ParentNode,
  moves: readonly ChipMove[],
  speed: number,
): Animation[] {
  const out: Animation[] = [];
  for (const move of moves) {
    const el = board.querySelector<HTMLElement>(`[data-task="${CSS.escape(move.key)}"]`);
    if (!el || typeof el.animate !== 'function') continue;
    const keyframes: Keyframe[] = move.from
      ? [
          { transform: `translate(${move.from.dx}px, ${move.from.dy}px)` },
          { transform: 'translate(0, 0)' },
        ]
      : [
          { opacity: 0, transform: 'translateY(-0.6em)' },
          { opacity: 1, transform: 'translate(0, 0)' },
        ];
    out.push(
      el.animate(keyframes, { duration: MOVE_MS / speed, easing: 'cubic-bezier(.4,0,.2,1)' }),
    );
  }
  return out;
}
