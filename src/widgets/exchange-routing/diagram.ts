/**
 * Draws one frame of the routing diagram as SVG from a view-model: producer, exchange (with its
 * type), binding edges (matched: solid, thick, green, ✓; not matched: dashed, grey, ✗), queues
 * with message tokens and their depth, consumers, and the fate of an unroutable message.
 * Every label is a text node, so whatever a student typed shows as typed.
 */
import { s } from '../runtime/dom.ts';
import { ER_CLASS } from './diagram-classes.ts';
import { diagramLegend } from './legend.ts';
import { bindingText } from './parse.ts';
import { clip, type Box, type DiagramLayout, type EdgeLayout } from './layout.ts';
import type { RoutingView } from './session.ts';

/** How many tokens a queue draws before it writes "+N". */
const MAX_TOKENS = 5;

function box(b: Box, cls: string, title: string, sub?: string): SVGGElement {
  return s(
    'g',
    { class: `${ER_CLASS.node} ${cls}` },
    s('rect', { x: b.x - b.w / 2, y: b.y - b.h / 2, width: b.w, height: b.h, rx: 12 }),
    s('text', { x: b.x, y: sub ? b.y - 6 : b.y + 7, 'text-anchor': 'middle' }, clip(title, 16)),
    sub
      ? s('text', { x: b.x, y: b.y + 22, 'text-anchor': 'middle', class: ER_CLASS.small }, sub)
      : null,
  );
}

/** A message token (a small envelope-like box) centred at (x, y). */
export function token(x: number, y: number): SVGRectElement {
  return s('rect', { class: ER_CLASS.token, x: x - 13, y: y - 9, width: 26, height: 18, rx: 4 });
}

function edgePath(e: EdgeLayout): string {
  const p = (q: { x: number; y: number }): string => `${q.x.toFixed(1)} ${q.y.toFixed(1)}`;
  return `M ${p(e.from)} C ${p(e.c1)} ${p(e.c2)} ${p(e.to)}`;
}

function edgeLabel(
  e: EdgeLayout,
  text: string,
  matched: boolean | undefined,
  second?: string,
): SVGGElement {
  const mark = matched === undefined ? '' : matched ? '✓ ' : '✗ ';
  const shown = `${mark}${clip(text, 20)}`;
  const width = 16 + Math.max([...shown].length, [...(second ?? '')].length) * 11.5;
  if (second !== undefined) {
    return s(
      'g',
      { class: matched ? `${ER_CLASS.label} w-er-label--hit` : ER_CLASS.label },
      s('title', {}, `${text} ${second}`),
      s('rect', { x: e.label.x - width / 2, y: e.label.y - 24, width, height: 48, rx: 6 }),
      s('text', { x: e.label.x, y: e.label.y - 4, 'text-anchor': 'middle' }, shown),
      s('text', { x: e.label.x, y: e.label.y + 18, 'text-anchor': 'middle' }, second),
    );
  }
  return s(
    'g',
    { class: matched ? `${ER_CLASS.label} w-er-label--hit` : ER_CLASS.label },
    s('title', {}, text),
    s('rect', { x: e.label.x - width / 2, y: e.label.y - 15, width, height: 30, rx: 6 }),
    s('text', { x: e.label.x, y: e.label.y + 7, 'text-anchor': 'middle' }, shown),
  );
}

function queueTokens(b: Box, depth: number, unacked: number): SVGGElement {
  const g = s('g', { 'data-tokens': '' });
  const shown = Math.min(depth, MAX_TOKENS);
  for (let i = 0; i < shown; i++) g.append(token(b.x - b.w / 2 + 22 + i * 30, b.y + 16));
  // A delivered, unacked copy still belongs to the queue until the consumer acks it.
  const empty = unacked > 0 ? `${unacked} unacked` : 'пусто';
  const count = depth > MAX_TOKENS ? `+${depth - MAX_TOKENS}` : depth === 0 ? empty : '';
  if (count) {
    const x = depth === 0 ? b.x : b.x + b.w / 2 - 10;
    g.append(
      s(
        'text',
        { x, y: b.y + 23, 'text-anchor': depth === 0 ? 'middle' : 'end', class: ER_CLASS.small },
        count,
      ),
    );
  }
  return g;
}

function consumerStatus(delivered: number, unacked: number): string | undefined {
  if (delivered === 0) return undefined;
  return unacked > 0 ? `получил, ждёт ack` : `ack ✓ (${delivered})`;
}

/** In the gap before a consumer: the copy it holds (a token), or once acked a green «✓». */
function consumerMarks(qb: Box, cb: Box, delivered: number, unacked: number): SVGElement[] {
  const x = (qb.x + qb.w / 2 + cb.x - cb.w / 2) / 2;
  if (unacked > 0) return [token(x, cb.y)];
  if (delivered === 0) return [];
  return [s('text', { x, y: cb.y + 9, 'text-anchor': 'middle', class: 'w-er-acked' }, '✓')];
}

/** Replaces the SVG's content with the frame for `view`. */
export function drawDiagram(svg: SVGSVGElement, view: RoutingView, layout: DiagramLayout): void {
  svg.setAttribute('viewBox', `0 0 ${layout.width} ${layout.height}`);
  const edges = s('g', {});
  const labels = s('g', {});
  const nodes = s('g', {});
  const p = view.publish;
  nodes.append(box(layout.producer, '', 'Producer', 'basic.publish'));
  nodes.append(
    box(layout.exchange, ER_CLASS.exchange, view.exchange.name, `тип: ${view.exchange.kind}`),
  );
  view.queues.forEach((q, i) => {
    const qb = layout.queues[i] as Box;
    const cb = layout.consumers[i] as Box;
    q.bindings.forEach((b, j) => {
      const e = layout.edges[i]?.[j];
      if (!e) return;
      const state = b.matched === undefined ? '' : b.matched ? ER_CLASS.edgeHit : ER_CLASS.edgeMiss;
      edges.append(s('path', { class: `${ER_CLASS.edge} ${state}`, d: edgePath(e) }));
      if (view.exchange.kind === 'headers') {
        // Two lines: the mode, then the pairs — one line would clip the part that matters.
        const { 'x-match': mode, ...pairs } = b.arguments;
        const rest = bindingText('headers', { routingKey: '', arguments: pairs });
        labels.append(edgeLabel(e, `x-match=${mode ?? 'all'}`, b.matched, clip(rest || '—', 22)));
        return;
      }
      const text = bindingText(view.exchange.kind, b);
      const shown = view.exchange.kind === 'fanout' ? '(ключ не важен)' : text || '«»';
      labels.append(edgeLabel(e, shown, b.matched));
    });
    const received = q.received === true;
    const queue = box(qb, received ? `${ER_CLASS.node}--got` : '', q.name);
    queue.dataset['queueBox'] = q.name;
    queue.querySelector('text')?.setAttribute('y', String(qb.y - 12));
    queue.append(queueTokens(qb, q.depth, q.unacked));
    nodes.append(queue);
    nodes.append(
      s('line', {
        class: ER_CLASS.edge,
        x1: qb.x + qb.w / 2,
        y1: qb.y,
        x2: cb.x - cb.w / 2,
        y2: cb.y,
        'stroke-dasharray': '4 6',
      }),
    );
    nodes.append(
      box(cb, `${ER_CLASS.node}--consumer`, q.consumer, consumerStatus(q.delivered, q.unacked)),
    );
    nodes.append(...consumerMarks(qb, cb, q.delivered, q.unacked));
  });
  const ex = layout.exchange;
  const keyText = (x: number, y: number): SVGTextElement =>
    s('text', { x: x + 20, y: y + 6, class: ER_CLASS.small }, clip(p?.routingKey ?? '', 22));
  if (p && (view.phase === 'at-exchange' || view.phase === 'matching')) {
    nodes.append(token(ex.x, ex.y - ex.h / 2 - 16), keyText(ex.x, ex.y - ex.h / 2 - 16));
  } else if (p && p.queues.length === 0 && p.returned) {
    const [a, m, b] = layout.returnPath;
    if (a && m && b) {
      edges.append(
        s('path', { class: ER_CLASS.returned, d: `M ${a.x} ${a.y} Q ${m.x} ${m.y} ${b.x} ${b.y}` }),
      );
      labels.append(
        s(
          'text',
          { x: m.x + 30, y: m.y + 12, 'text-anchor': 'middle', class: ER_CLASS.returned },
          '↩ 312 NO_ROUTE',
        ),
      );
    }
    const below = layout.producer.y + layout.producer.h / 2 + 16;
    nodes.append(token(layout.producer.x - 55, below), keyText(layout.producer.x - 55, below));
  } else if (p && p.queues.length === 0) {
    const g = s('g', { class: ER_CLASS.dropped });
    g.append(token(ex.x, ex.y + ex.h / 2 + 20));
    g.append(
      s('text', { x: ex.x, y: ex.y + ex.h / 2 + 56, 'text-anchor': 'middle' }, '✗ отброшено'),
    );
    nodes.append(g);
  }
  svg.replaceChildren(
    s('title', {}, 'Схема маршрутизации'),
    diagramLegend(12, 4),
    edges,
    nodes,
    labels,
  );
}
