/**
 * Request-reply in HTML: the path client → rpc_queue → servers → reply queue → client, and the
 * client's table of requests by correlation_id with where each one is and the reply it matched.
 */
import { h } from '../runtime/dom.ts';
import { PT_CLASS } from './classes.ts';
import { RPC_QUEUE, RPC_SERVERS, type RpcRequest, type RpcView } from './rpc.ts';

const STAGE_TEXT: Readonly<Record<RpcRequest['stage'], string>> = {
  queued: 'ждёт в очереди',
  processing: 'у сервера',
  answered: 'ответ получен',
};

function requestRow(view: RpcView, r: RpcRequest): HTMLElement {
  const last = view.last;
  const fresh =
    (last?.type === 'answer' && last.correlationId === r.correlationId) ||
    (last?.type === 'request' && r === view.requests[view.requests.length - 1]);
  const where =
    r.stage === 'queued' ? STAGE_TEXT.queued : `${STAGE_TEXT[r.stage]} (${r.server ?? '—'})`;
  const answer =
    r.stage === 'processing'
      ? h(
          'button',
          {
            type: 'button',
            name: 'answer',
            class: 'w-button',
            'data-correlation-id': r.correlationId,
            'aria-label': `${r.server ?? 'Сервер'}: ответить на ${r.correlationId}`,
          },
          'Ответить',
        )
      : null;
  return h(
    'tr',
    {
      'data-request': r.correlationId,
      'data-stage': r.stage,
      'data-reply-order': r.replyOrder,
      'data-new': fresh ? 'true' : undefined,
      class: fresh ? PT_CLASS.chipNew : undefined,
    },
    h(
      'td',
      {},
      h('span', { class: `${PT_CLASS.chip} ${PT_CLASS.chipRequest}` }, `■ ${r.correlationId}`),
    ),
    h('td', {}, `fib(${r.n})`),
    h('td', {}, where, answer ? ' ' : null, answer),
    h(
      'td',
      {},
      r.reply === undefined
        ? h('span', { class: PT_CLASS.muted }, '—')
        : h(
            'span',
            { class: `${PT_CLASS.chip} ${PT_CLASS.chipReply}` },
            `● ${r.reply} (${r.replyOrder}-й)`,
          ),
    ),
  );
}

/** The RPC picture for `view`. */
export function renderRpc(view: RpcView): HTMLElement {
  const busy = (server: string): string => {
    const held = view.requests.find((r) => r.stage === 'processing' && r.server === server);
    return held ? `${server}: ${held.correlationId}` : `${server}: свободен`;
  };
  const table = h(
    'table',
    { class: PT_CLASS.table },
    h('caption', {}, 'Запросы клиента по correlation_id'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'correlation_id'),
        h('th', { scope: 'col' }, 'запрос'),
        h('th', { scope: 'col' }, 'где'),
        h('th', { scope: 'col' }, 'ответ (порядок прихода)'),
      ),
    ),
    h('tbody', {}, ...view.requests.map((r) => requestRow(view, r))),
  );
  if (view.requests.length === 0) {
    table.tBodies[0]?.append(
      h('tr', {}, h('td', { colspan: 4, class: PT_CLASS.muted }, 'запросов ещё нет')),
    );
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
      table,
    ),
  );
}
