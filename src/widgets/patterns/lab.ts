/**
 * The lab: the pattern tabs (an ARIA tablist: every tab reachable by Tab, ←/→/Home/End move and
 * activate, arrow keys kept from reveal.js) that move the clicker to a pattern's first step — or,
 * once the student acted in that pattern, to the step it was last shown at — and the student's
 * controls of the pattern on screen. Each action belongs to its pattern (./logic.ts: it waits on
 * another pattern's steps), so coming back to a tab finds the step and the actions the student
 * left there, replayed on the same state. Every field is a runtime `Field`: a message next
 * to it, aria-invalid, and Enter acts like its button; what the logic refuses shows there too.
 */
import { actionButton, h } from '../runtime/dom.ts';
import { createField } from '../runtime/field.ts';
import type { KitHost, LabPanel } from '../runtime/kit.ts';
import { alertLine, applyOnChange, inputRows, onButton, submitOnEnter } from '../runtime/parts.ts';
import { PT_CLASS } from './classes.ts';
import { DEFAULT_RECEIVERS } from './logic-fanout.ts';
import {
  validateAmount,
  validateFibN,
  validateMessage,
  validateReceivers,
  patternOf,
  type PatternsAction,
  type PatternsView,
} from './logic.ts';
import { firstStepOf, PATTERNS, type PatternId } from './story.ts';

function isPattern(id: string | undefined): id is PatternId {
  return PATTERNS.some((p) => p.id === id);
}

/** The tablist; `onPick` runs when the student activates a tab. */
function createTabs(
  host: KitHost<PatternsView, PatternsAction>,
  onPick: (id: PatternId) => void,
): { element: HTMLElement; select(id: PatternId, panel: HTMLElement | null): void } {
  const tabs = PATTERNS.map((p) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        class: PT_CLASS.tab,
        id: host.id(`w-pt-tab-${p.id}`),
        'data-pattern': p.id,
        'aria-selected': 'false',
      },
      p.label,
    ),
  );
  const element = h(
    'div',
    { class: PT_CLASS.tabs, role: 'tablist', 'aria-label': 'Паттерн' },
    ...tabs,
  );
  host.disposer.listen(element, 'click', (event) => {
    const tab = event.target instanceof Element ? event.target.closest('[role="tab"]') : null;
    const id = tab instanceof HTMLElement ? tab.dataset['pattern'] : undefined;
    if (isPattern(id)) onPick(id);
  });
  host.disposer.listen(element, 'keydown', (event) => {
    const index = tabs.findIndex((t) => t === document.activeElement);
    if (index < 0) return;
    const keys: Record<string, number> = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    const next = keys[event.key];
    if (next === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    const tab = tabs[next];
    tab?.focus();
    const id = tab?.dataset['pattern'];
    if (isPattern(id)) onPick(id);
  });
  return {
    element,
    select(id, panel) {
      for (const tab of tabs) {
        const on = tab.dataset['pattern'] === id;
        tab.setAttribute('aria-selected', String(on));
        if (panel) tab.setAttribute('aria-controls', panel.id);
        if (on && panel) panel.setAttribute('aria-labelledby', tab.id);
      }
    },
  };
}

/** Builds the lab into the kit's element. */
export function patternsLab(host: KitHost<PatternsView, PatternsAction>): LabPanel<PatternsView> {
  const { disposer } = host;
  // Where the student left each pattern they acted in (the step it was last shown at): its tab
  // comes back there; a pattern they did nothing in opens at its first step.
  const lastShown = new Map<PatternId, number>();
  const tabs = createTabs(host, (id) => host.requestStep(lastShown.get(id) ?? firstStepOf(id)));
  const act = (action: PatternsAction): string | undefined => {
    const refused = host.act(action);
    const view = host.view();
    if (refused === undefined && patternOf(action) === view.pattern) {
      lastShown.set(view.pattern, view.step);
    }
    return refused;
  };
  const receivers = createField({
    name: 'receivers',
    label: 'Подписчиков и воркеров (1–6)',
    value: String(DEFAULT_RECEIVERS),
    inputMode: 'numeric',
    size: 3,
  });
  const message = createField({ name: 'message', label: 'Сообщение', value: 'заказ #5', size: 16 });
  const amount = createField({
    name: 'amount',
    label: 'Сумма: +пополнение / −списание',
    value: '+40',
    size: 9,
  });
  const n = createField({
    name: 'n',
    label: 'n для fib(n), 0–40',
    value: '10',
    inputMode: 'numeric',
    size: 4,
  });
  const replayError = alertLine();
  const setReplayError = replayError.show;
  const publish = actionButton('publish', 'Отправить');
  const append = actionButton('append', 'Записать событие');
  const replay = actionButton('replay', 'Новый читатель с offset 0');
  const request = actionButton('request', 'Отправить запрос');
  const group = (...children: HTMLElement[]): HTMLElement =>
    inputRows(PT_CLASS.inputs, ...children);
  const groups: Record<PatternId, HTMLElement> = {
    fanout: group(receivers.element, message.element, publish),
    sourcing: group(amount.element, append, replay, replayError.element),
    rpc: group(n.element, request),
  };

  const shownReceivers = (): number | undefined => {
    const view = host.view();
    return view.pattern === 'fanout' ? view.fanout.subscribers.length : undefined;
  };
  /** Applies the receiver count typed; false when the field is invalid (its message shows). */
  const onReceivers = (): boolean => {
    const value = receivers.read(validateReceivers);
    if (value === undefined) return false;
    if (value === shownReceivers()) return true;
    // A new topology: the shown step replays on it, the student's publishes start over.
    const refused = act({ type: 'receivers', n: value });
    receivers.setError(refused);
    return refused === undefined;
  };
  const onPublish = (): void => {
    // A publish goes to the topology the field says: an invalid count refuses it, with its message.
    if (!onReceivers()) return;
    const body = message.read(validateMessage);
    if (body !== undefined) message.setError(act({ type: 'publish', body }));
  };
  const onAppend = (): void => {
    const view = host.view();
    const account = view.pattern === 'sourcing' ? view.sourcing.readers[0]?.account : undefined;
    if (!account) return;
    const event = amount.read((raw) => validateAmount(raw, account));
    if (event === undefined) return;
    setReplayError(undefined);
    amount.setError(act({ type: 'append', event }));
  };
  const onReplay = (): void => setReplayError(act({ type: 'replay' }));
  const onRequest = (): void => {
    const value = n.read(validateFibN);
    if (value !== undefined) n.setError(act({ type: 'request', n: value }));
  };

  // Enter in a field acts like its button and never reaches reveal.js.
  applyOnChange(disposer, receivers, onReceivers);
  submitOnEnter(disposer, [message], onPublish, publish);
  submitOnEnter(disposer, [amount], onAppend, append);
  disposer.listen(replay, 'click', onReplay);
  submitOnEnter(disposer, [n], onRequest, request);
  // «Ответить» on a request a server holds (in the picture, lab face only).
  onButton(disposer, host.root, (button) => {
    const correlationId = button.name === 'answer' ? button.dataset['correlationId'] : undefined;
    if (correlationId === undefined) return;
    host.notify(act({ type: 'answer', correlationId }));
    // The answered request's button is gone: the next request goes from the field.
    if (!host.root.contains(document.activeElement)) n.input.focus();
  });

  host.element.append(
    h('div', { class: PT_CLASS.lab }, tabs.element, groups.fanout, groups.sourcing, groups.rpc),
  );
  return {
    update(view) {
      if (lastShown.has(view.pattern)) lastShown.set(view.pattern, view.step);
      tabs.select(view.pattern, host.root.querySelector<HTMLElement>('[role="tabpanel"]'));
      for (const [id, element] of Object.entries(groups)) element.hidden = id !== view.pattern;
      const focused = document.activeElement === receivers.input;
      if (view.pattern === 'fanout' && !focused && !receivers.input.hasAttribute('aria-invalid')) {
        receivers.input.value = String(view.fanout.subscribers.length);
      }
    },
    reset() {
      lastShown.clear();
      for (const field of [receivers, message, amount, n]) field.setError(undefined);
      setReplayError(undefined);
      receivers.input.value = String(DEFAULT_RECEIVERS);
    },
  };
}
