/**
 * The thin animation layer: from the previous frame to the new one, new records fly from the
 * producer into their cells, new links and moved markers fade in. Web Animations only; nothing
 * runs with reduced motion, and running animations are cancelled on the next frame or destroy.
 */
import { KP_CLASS } from './classes.ts';
import type { KafkaView } from './logic.ts';

/** Where records fly from (the producer formula at the top left). */
const ORIGIN = { x: 40, y: 20 };

/** Offsets that are new in `next` compared with `prev`, per partition (empty if the topic changed). */
export function newOffsets(prev: KafkaView | null, next: KafkaView): Map<number, number> {
  const out = new Map<number, number>();
  if (!prev || prev.partitions.length !== next.partitions.length) return out;
  next.partitions.forEach((p, i) => {
    const before = prev.partitions[i]?.endOffset ?? 0;
    if (p.endOffset > before) out.set(p.index, before);
  });
  return out;
}

/** Animates `svg` (already in the page) from `prev` to `next`; returns the started animations. */
export function animateFrame(
  svg: SVGSVGElement,
  prev: KafkaView | null,
  next: KafkaView,
): Animation[] {
  const started: Animation[] = [];
  if (!prev || typeof svg.animate !== 'function') return started;
  const fresh = newOffsets(prev, next);
  let order = 0;
  for (const [partition, from] of fresh) {
    const row = svg.querySelector(`[data-partition="${partition}"]`);
    for (const cell of row?.querySelectorAll<SVGGElement>('[data-offset]') ?? []) {
      if (Number(cell.dataset['offset']) < from) continue;
      const box = cell.querySelector('rect');
      const x = Number(box?.getAttribute('x') ?? 0);
      const y = Number(box?.getAttribute('y') ?? 0);
      started.push(
        cell.animate(
          [
            { transform: `translate(${ORIGIN.x - x}px, ${ORIGIN.y - y}px)`, opacity: 0.2 },
            { transform: 'translate(0px, 0px)', opacity: 1 },
          ],
          {
            duration: 650,
            delay: Math.min(order, 12) * 70,
            easing: 'cubic-bezier(.4,0,.2,1)',
            fill: 'backwards',
          },
        ),
      );
      order += 1;
    }
  }
  const prevLinks = new Set(
    prev.groupA?.members.flatMap((m) => m.partitions.map((p) => `${p}-${m.memberId}`)) ?? [],
  );
  for (const link of svg.querySelectorAll<SVGPathElement>('[data-link]')) {
    if (prevLinks.has(link.dataset['link'] ?? '')) continue;
    started.push(
      link.animate([{ opacity: 0 }, { opacity: 1 }], {
        duration: 700,
        delay: 200,
        fill: 'backwards',
      }),
    );
  }
  for (const mark of svg.querySelectorAll<SVGGElement>(
    `.${KP_CLASS.marker}, .${KP_CLASS.committed}`,
  )) {
    started.push(
      mark.animate([{ opacity: 0 }, { opacity: 1 }], {
        duration: 500,
        delay: 250,
        fill: 'backwards',
      }),
    );
  }
  return started;
}
