/**
 * Event sourcing in HTML: the partition log as a row of cells (offset + event) and one card per
 * reader with how far it has read and the balance it rebuilt from what it read.
 */
import { h } from '../runtime/dom.ts';
import { decodeEvent, eventLabel } from './account.ts';
import { PT_CLASS } from './classes.ts';
import { EVENTS_TOPIC, type SourcingView } from './logic-sourcing.ts';

/** The log and the readers for `view`. */
export function renderSourcing(view: SourcingView): HTMLElement {
  const log = h('ol', {
    class: PT_CLASS.log,
    'aria-label': `Журнал топика ${EVENTS_TOPIC}, партиция 0`,
    // A long history scrolls inside its box, so it must be reachable by keyboard too.
    tabindex: 0,
    'data-log': '',
  });
  for (const entry of view.log) {
    const fresh = view.appended.includes(entry.offset);
    log.append(
      h(
        'li',
        {
          class: `${PT_CLASS.chip} ${PT_CLASS.chipEvent} ${fresh ? PT_CLASS.chipNew : ''}`,
          'data-offset': entry.offset,
          'data-new': fresh ? 'true' : undefined,
        },
        h('span', { class: PT_CLASS.muted }, `◆ ${entry.offset}`),
        ' ',
        eventLabel(decodeEvent(entry.value)),
      ),
    );
  }
  if (view.log.length === 0) log.append(h('li', { class: PT_CLASS.muted }, 'журнал пуст'));

  const readers = h('ul', { class: PT_CLASS.readers });
  for (const r of view.readers) {
    const read = r.justRead.length;
    const fresh =
      read > 0 && view.last?.type === 'replay' && r === view.readers[view.readers.length - 1];
    readers.append(
      h(
        'li',
        {
          class: `${PT_CLASS.reader} ${fresh ? PT_CLASS.chipNew : ''}`,
          'data-reader': r.group,
          'data-position': r.position,
          'data-balance': r.account.balance,
          'data-new': fresh ? 'true' : undefined,
        },
        h('span', { class: PT_CLASS.who }, `◎ ${r.label}`),
        h('span', { class: PT_CLASS.muted }, `группа ${r.group} · следующий offset ${r.position}`),
        h('span', { class: PT_CLASS.big }, `${r.account.balance} ₽`),
        h(
          'span',
          { class: PT_CLASS.muted },
          read === 0
            ? 'новых событий нет'
            : read === 1
              ? `сейчас прочитал offset ${r.justRead[0]}`
              : `сейчас прочитал offset ${r.justRead[0]}–${r.justRead[read - 1]}`,
        ),
      ),
    );
  }
  return h(
    'div',
    { class: PT_CLASS.lanes, 'data-layout': 'stack' },
    h(
      'div',
      { class: PT_CLASS.lane, role: 'group', 'aria-label': 'Журнал событий' },
      h(
        'h3',
        { class: PT_CLASS.laneTitle },
        `Журнал «${EVENTS_TOPIC}» — события только дописываются`,
      ),
      log,
    ),
    h(
      'div',
      { class: PT_CLASS.lane, role: 'group', 'aria-label': 'Читатели журнала' },
      h(
        'h3',
        { class: PT_CLASS.laneTitle },
        'Состояние = все события с offset 0, применённые по порядку',
      ),
      readers,
    ),
  );
}
