/**
 * Request-reply in HTML: the path client → rpc_queue → servers → reply queue → client, and the
 * client's requests by correlation_id as cards (where each one is and the reply it matched) that
 * wrap into columns, so the most requests still fit the slide. A request a server holds has its
 * «Ответить» button (lab only).
 */
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { h } from '../runtime/dom.ts';
import { LAB_ONLY } from '../runtime/kit.ts';
import { PT_CLASS } from './classes.ts';
import { RPC_QUEUE, RPC_SERVERS, type RpcRequest, type RpcView } from './logic-rpc.ts';

const STAGE_TEXT: Readonly<Record<RpcRequest['stage'], string>> = {
  queued: 'ждёт в очереди',
  processing: 'у сервера',
  answered: 'ответ получен',
};

function requestCard(view: RpcView, r: RpcRequest): HTMLElement {
  const last = view.last;
  const fresh =
    (last?.type === 'answer' && last.correlationId === r.correlationId) ||
    (last?.type === 'request' && r === view.requests[view.requests.length - 1]);
  const where = r.stage === 'processing' ? `у ${r.server ?? 'сервера'}` : STAGE_TEXT[r.stage];
  const answer =
    r.stage === 'processing'
      ? h(
          'button',
          {
            type: 'button',
            name: 'answer',
            class: `${WIDGET_CLASS.button} ${LAB_ONLY}`,
            'data-correlation-id': r.correlationId,
            'data-focus-key': `${r.correlationId}/answer`,
            'aria-label': `${r.server ?? 'Сервер'}: ответить на ${r.correlationId}`,
          },
          'Ответить',
        )
      : null;
  return h(
    'li',
    {
      class: `${PT_CLASS.request} ${fresh ? PT_CLASS.chipNew : ''}`,
      'data-request': r.correlationId,
      'data-stage': r.stage,
      'data-reply-order': r.replyOrder,
      'data-new': fresh ? 'true' : undefined,
    },
    h('span', { class: `${PT_CLASS.chip} ${PT_CLASS.chipRequest}` }, `■ ${r.correlationId}`),
    ` fib(${r.n}) `,
    r.reply === undefined
      ? h('span', { class: PT_CLASS.muted }, where)
      : h(
          'span',
          { class: `${PT_CLASS.chip} ${PT_CLASS.chipReply}` },
          `● ${r.reply} (${r.replyOrder}-й)`,
        ),
    answer ? ' ' : null,
    answer,
  );
}

/** The RPC picture for `view`. */
export function renderRpc(view: RpcView): HTMLElement {
  const busy = (server: string): string => {
    const held = view.requests.find((r) => r.stage === 'processing' && r.server === server);
    return held ? `${server}: ${held.correlationId}` : `${server}: свободен`;
  };
  const requests = h('ol', {
    class: PT_CLASS.requests,
    'aria-label': 'Запросы клиента по correlation_id',
  });
  for (const r of view.requests) requests.append(requestCard(view, r));
  if (view.requests.length === 0) {
    requests.append(h('li', { class: PT_CLASS.muted }, 'запросов ещё нет'));
  }
  return h(
    'div',
    { class: PT_CLASS.lanes, 'data-layout': 'stack' },
    h(
      'div',
      { class: PT_CLASS.lane, role: 'group', 'aria-label': 'Путь запроса и ответа' },
      h(
        'div',
        { class: PT_CLASS.path },
        h('span', { class: PT_CLASS.node }, 'клиент'),
        h('span', { class: PT_CLASS.arrow, 'aria-hidden': 'true' }, '■→'),
        h(
          'span',
          { class: `${PT_CLASS.node} ${PT_CLASS.nodeAccent}` },
          `${RPC_QUEUE}: ${view.queued} ждут`,
        ),
        h('span', { class: PT_CLASS.arrow, 'aria-hidden': 'true' }, '→'),
        ...RPC_SERVERS.map((server) => h('span', { class: PT_CLASS.node }, busy(server))),
        h('span', { class: PT_CLASS.arrow, 'aria-hidden': 'true' }, '●→'),
        h(
          'span',
          { class: `${PT_CLASS.node} ${PT_CLASS.nodeAccent}`, 'data-reply-queue': view.replyQueue },
          `reply_to: ${view.replyQueue}`,
        ),
        h('span', { class: PT_CLASS.arrow, 'aria-hidden': 'true' }, '→'),
        h('span', { class: PT_CLASS.node }, 'клиент'),
      ),
      h('h3', { class: PT_CLASS.laneTitle }, 'Запросы клиента: ответ находят по correlation_id'),
      requests,
    ),
  );
}
