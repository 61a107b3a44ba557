/**
 * Draws one frame of the routing diagram as SVG from a view-model: producer, exchange (with its
 * type), binding edges (matched: solid, thick, green, ✓; not matched: dashed, grey, ✗), queues
 * with message tokens and their depth, consumers, and the fate of an unroutable message; then
 * flies the frame's tokens (./animate.ts) over the boxes and under the labels: flights avoid
 * the boxes' names, so nothing moving covers a label.
 * Every label is a text node, so whatever a student typed shows as typed. A narrow box (a phone's
 * lab) gets the narrow diagram (./layout.ts); the kit redraws it when the box crosses NARROW_BELOW.
 */
import { h, s } from '../runtime/dom.ts';
import type { KitHost, Painter } from '../runtime/kit.ts';
import { arrivalDelay, flightsBetween, fly, returnDelay, revealArrivals } from './animate.ts';
import { ER_CLASS } from './classes.ts';
import { bindingText, tableFrom } from './parse.ts';
import {
  clip,
  layoutDiagram,
  NARROW_BELOW,
  type Box,
  type DiagramLayout,
  type EdgeLayout,
  type Point,
} from './layout.ts';
import type { RoutingView, StudentAction } from './logic.ts';

/** How many tokens a queue draws before it writes "+N". */
const MAX_TOKENS = 4;
/** Width of one character of a label, in diagram units. */
const LABEL_CHAR_W = 15.2;

function box(b: Box, cls: string, title: string, sub?: string, max = 13): SVGGElement {
  return s(
    'g',
    { class: `${ER_CLASS.node} ${cls}` },
    s('title', {}, sub ? `${title} — ${sub}` : title),
    s('rect', { x: b.x - b.w / 2, y: b.y - b.h / 2, width: b.w, height: b.h, rx: 12 }),
    s('text', { x: b.x, y: sub ? b.y - 6 : b.y + 9, 'text-anchor': 'middle' }, clip(title, max)),
    sub
      ? s('text', { x: b.x, y: b.y + 27, 'text-anchor': 'middle', class: ER_CLASS.small }, sub)
      : null,
  );
}

/** A message token (a small envelope-like box) centred at (x, y). */
export function token(x: number, y: number): SVGRectElement {
  return s('rect', { class: ER_CLASS.token, x: x - 14, y: y - 10, width: 28, height: 20, rx: 4 });
}

function edgePath(e: EdgeLayout): string {
  const p = (q: { x: number; y: number }): string => `${q.x.toFixed(1)} ${q.y.toFixed(1)}`;
  const trunk = e.via ? ` L ${p(e.via)}` : '';
  return `M ${p(e.from)}${trunk} C ${p(e.c1)} ${p(e.c2)} ${p(e.to)}`;
}

function edgeLabel(
  e: EdgeLayout,
  { labelChars: maxChars, labelAlign }: DiagramLayout,
  text: string,
  matched: boolean | undefined,
  second?: string,
): SVGGElement {
  const mark = matched === undefined ? '' : matched ? '✓ ' : '✗ ';
  const shown = `${mark}${clip(text, maxChars)}`;
  const chars = Math.max([...shown].length, [...(second ?? '')].length);
  const width = 20 + chars * LABEL_CHAR_W;
  const cls = matched ? `${ER_CLASS.label} ${ER_CLASS.labelHit}` : ER_CLASS.label;
  const { y } = e.label;
  const x = labelAlign === 'start' ? e.label.x + width / 2 : e.label.x;
  if (second !== undefined) {
    return s(
      'g',
      { class: cls },
      s('title', {}, `${text} ${second}`),
      s('rect', { x: x - width / 2, y: y - 31, width, height: 62, rx: 6 }),
      s('text', { x, y: y - 6, 'text-anchor': 'middle' }, shown),
      s('text', { x, y: y + 22, 'text-anchor': 'middle' }, second),
    );
  }
  return s(
    'g',
    { class: cls },
    s('title', {}, text),
    s('rect', { x: x - width / 2, y: y - 19, width, height: 38, rx: 6 }),
    s('text', { x, y: y + 8, 'text-anchor': 'middle' }, shown),
  );
}

function queueTokens(b: Box, depth: number, unacked: number): SVGGElement {
  const g = s('g', { 'data-tokens': '' });
  const shown = Math.min(depth, MAX_TOKENS);
  for (let i = 0; i < shown; i++) g.append(token(b.x - b.w / 2 + 26 + i * 34, b.y + 20));
  // A delivered, unacked copy still belongs to the queue until the consumer acks it.
  const empty = unacked > 0 ? `${unacked} unacked` : 'пусто';
  const count = depth > MAX_TOKENS ? `+${depth - MAX_TOKENS}` : depth === 0 ? empty : '';
  if (count) {
    const x = depth === 0 ? b.x : b.x + b.w / 2 - 8;
    g.append(
      s(
        'text',
        { x, y: b.y + 29, 'text-anchor': depth === 0 ? 'middle' : 'end', class: ER_CLASS.small },
        count,
      ),
    );
  }
  return g;
}

function consumerStatus(delivered: number, unacked: number): string | undefined {
  if (delivered === 0) return undefined;
  return unacked > 0 ? `ждёт ack` : `ack ✓ (${delivered})`;
}

/** In the gap before a consumer: the copy it holds (a token), or once acked a green «✓». */
function consumerMarks(at: Point, delivered: number, unacked: number): SVGElement[] {
  const { x, y } = at;
  if (unacked > 0) return [token(x, y)];
  if (delivered === 0) return [];
  return [s('text', { x, y: y + 10, 'text-anchor': 'middle', class: ER_CLASS.acked }, '✓')];
}

/** The layout for a frame: two-line labels on a headers exchange; `narrow` for a phone's box. */
function layoutOf(view: RoutingView, narrow = false): DiagramLayout {
  return layoutDiagram(
    view.queues.map((q) => q.bindings.length),
    view.exchange.kind === 'headers',
    narrow,
  );
}

/** Replaces the SVG's content with the frame for `view`; `flying` goes under the labels. */
export function drawDiagram(
  svg: SVGSVGElement,
  view: RoutingView,
  layout: DiagramLayout,
  flying?: SVGGElement,
): void {
  svg.setAttribute('viewBox', `0 0 ${layout.width} ${layout.height}`);
  svg.toggleAttribute('data-narrow', layout.narrow);
  const chars = layout.labelChars;
  const edges = s('g', {});
  // Matched edges over the others: where edges share a line (the narrow trunk), it shows green.
  const hitEdges = s('g', {});
  const labels = s('g', {});
  const nodes = s('g', {});
  const p = view.publish;
  nodes.append(box(layout.producer, '', 'Producer', 'basic.publish'));
  nodes.append(
    box(layout.exchange, ER_CLASS.exchange, view.exchange.name, `тип: ${view.exchange.kind}`, 14),
  );
  view.queues.forEach((q, i) => {
    const qb = layout.queues[i];
    const cb = layout.consumers[i];
    if (!qb || !cb) return;
    q.bindings.forEach((b, j) => {
      const e = layout.edges[i]?.[j];
      if (!e) return;
      const state = b.matched === undefined ? '' : b.matched ? ER_CLASS.edgeHit : ER_CLASS.edgeMiss;
      (b.matched ? hitEdges : edges).append(
        s('path', { class: `${ER_CLASS.edge} ${state}`, d: edgePath(e) }),
      );
      if (view.exchange.kind === 'headers') {
        // Two lines: the mode, then the pairs — one line would clip the part that matters.
        const table = new Map(tableFrom(b.arguments));
        const mode = table.get('x-match') ?? 'all';
        table.delete('x-match');
        const rest = bindingText('headers', {
          routingKey: '',
          arguments: Object.fromEntries(table),
        });
        labels.append(edgeLabel(e, layout, `x-match=${mode}`, b.matched, clip(rest || '—', chars)));
        return;
      }
      const text = bindingText(view.exchange.kind, b);
      const shown = view.exchange.kind === 'fanout' ? '(ключ не важен)' : text || '«»';
      labels.append(edgeLabel(e, layout, shown, b.matched));
    });
    const received = q.received === true;
    const queue = box(qb, received ? ER_CLASS.nodeGot : '', q.name);
    queue.dataset['queueBox'] = q.name;
    queue.querySelector('text')?.setAttribute('y', String(qb.y - 12));
    queue.append(queueTokens(qb, q.depth, q.unacked));
    nodes.append(queue);
    const [a, b] = layout.links[i] ?? [qb, cb];
    nodes.append(
      s('line', {
        class: ER_CLASS.edge,
        x1: a.x,
        y1: a.y,
        x2: b.x,
        y2: b.y,
        'stroke-dasharray': '4 6',
      }),
    );
    nodes.append(
      box(cb, ER_CLASS.consumer, q.consumer, consumerStatus(q.delivered, q.unacked), 12),
    );
    nodes.append(...consumerMarks(layout.parked[i] ?? cb, q.delivered, q.unacked));
  });
  const keyText = (x: number, y: number): SVGTextElement =>
    s(
      'text',
      { x: x + 22, y: y + 8, class: ER_CLASS.small },
      clip(p?.routingKey ?? '', layout.keyChars),
    );
  if (p && (view.phase === 'at-exchange' || view.phase === 'matching')) {
    const at = layout.atExchange;
    nodes.append(token(at.x, at.y), keyText(at.x, at.y));
  } else if (p && p.queues.length === 0 && p.returned) {
    const [a, m, b] = layout.returnPath;
    if (a && m && b) {
      edges.append(
        s('path', { class: ER_CLASS.returned, d: `M ${a.x} ${a.y} Q ${m.x} ${m.y} ${b.x} ${b.y}` }),
      );
      const at = layout.returnLabel;
      const lines = at.lines === 1 ? ['↩ 312 NO_ROUTE'] : ['↩ 312', 'NO_ROUTE'];
      labels.append(
        ...lines.map((line, i) =>
          s(
            'text',
            { x: at.x, y: at.y + i * 30, 'text-anchor': at.anchor, class: ER_CLASS.returned },
            line,
          ),
        ),
      );
    }
    // Shown once the return flight lands (the painter hides it until then).
    const { x, y } = layout.returned;
    nodes.append(s('g', { 'data-returned': '' }, token(x, y), keyText(x, y)));
  } else if (p && p.queues.length === 0) {
    const g = s('g', { class: ER_CLASS.dropped });
    const { dropped: at, droppedText: text } = layout;
    g.append(token(at.x, at.y));
    g.append(s('text', { x: text.x, y: text.y, 'text-anchor': text.anchor }, '✗ отброшено'));
    nodes.append(g);
  }
  svg.replaceChildren(
    s('title', {}, 'Схема маршрутизации'),
    edges,
    hitEdges,
    nodes,
    ...(flying ? [flying] : []),
    labels,
  );
}

/** Builds the diagram into the kit's picture; each frame redraws it and flies its tokens. */
export function routingPicture(host: KitHost<RoutingView, StudentAction>): Painter<RoutingView> {
  const svg = s('svg', {
    class: ER_CLASS.svg,
    role: 'img',
    preserveAspectRatio: 'xMidYMin meet',
    'aria-label': 'Producer, exchange, привязки и очереди',
  });
  const flying = s('g', { 'aria-hidden': 'true' });
  host.element.append(h('figure', { class: ER_CLASS.figure }, svg));
  return (view, previous, animate, { width }) => {
    const layout = layoutOf(view, width > 0 && width < NARROW_BELOW);
    flying.replaceChildren();
    drawDiagram(svg, view, layout, flying);
    if (!animate) return [];
    const running = fly(flying, flightsBetween(previous, view, layout), host.speed());
    const landing = arrivalDelay(previous, view);
    if (landing !== undefined) {
      running.push(...revealArrivals(svg, view.publish?.queues ?? [], landing, host.speed()));
    }
    const back = returnDelay(previous, view);
    const returned = svg.querySelector('[data-returned]');
    if (back !== undefined && returned) {
      running.push(
        returned.animate([{ opacity: 0 }, { opacity: 0, offset: 0.99 }, { opacity: 1 }], {
          duration: back / host.speed(),
        }),
      );
    }
    return running;
  };
}
