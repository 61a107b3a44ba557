/**
 * The lab: prefetch (`input[name="prefetch"]`, 0 = unlimited, applied with basic.qos and a
 * re-subscribe), «+3 задачи», «+1 с» of virtual time, whether nack/reject requeue, and the worker
 * rows' buttons (ack, nack, reject, «Уронить», «Поднять»). Invalid input gets a Russian message
 * next to its field and changes nothing; a refused action says why next to the bar.
 */
import { h, actionButton } from '../runtime/dom.ts';
import { createField } from '../runtime/field.ts';
import type { KitHost, LabPanel } from '../runtime/kit.ts';
import { alertLine, inputRows, onButton, submitOnEnter } from '../runtime/parts.ts';
import { RA_CLASS } from './classes.ts';
import { PUBLISH_BATCH, RUN_MS, validatePrefetch, type AcksView } from './logic.ts';
import { relabelSettle } from './picture.ts';
import type { AcksAction, Settlement } from './sim.ts';

const SETTLEMENTS: readonly string[] = ['ack', 'nack', 'reject'] satisfies Settlement[];

function isSettlement(name: string): name is Settlement {
  return SETTLEMENTS.includes(name);
}

/** Builds the bar into the kit's lab element; the requeue choice is `data-requeue` on the root. */
export function acksLab(host: KitHost<AcksView, AcksAction>): LabPanel<AcksView> {
  const { disposer, root } = host;
  const prefetch = createField({
    name: 'prefetch',
    label: 'prefetch_count (0 — без лимита)',
    type: 'text',
    inputMode: 'numeric',
    size: 4,
  });
  const apply = actionButton('apply-prefetch', 'basic_qos');
  const publish = actionButton('publish', `+${PUBLISH_BATCH} задачи`);
  const run = actionButton('run', '+1 с');
  const requeue = h('input', { type: 'checkbox', name: 'requeue', id: host.id('w-ra-requeue') });
  requeue.checked = true;
  const error = alertLine({ 'data-panel-error': '' });
  const showError = error.show;
  const setRequeue = (value: boolean): void => {
    requeue.checked = value;
    root.dataset['requeue'] = String(value);
    relabelSettle(root, value);
  };
  setRequeue(true);
  const applyPrefetch = (): void => {
    const value = prefetch.read(validatePrefetch);
    if (value !== undefined) prefetch.setError(host.act({ type: 'qos', prefetch: value }));
  };
  submitOnEnter(disposer, [prefetch], applyPrefetch, apply);
  disposer.listen(publish, 'click', () =>
    showError(host.act({ type: 'publish', count: PUBLISH_BATCH })),
  );
  disposer.listen(run, 'click', () => showError(host.act({ type: 'run', ms: RUN_MS })));
  disposer.listen(requeue, 'change', () => setRequeue(requeue.checked));
  // The worker rows' buttons (in the picture, lab face only).
  onButton(disposer, root, (button) => {
    const worker = button.dataset['worker'];
    if (!worker) return;
    const action: AcksAction | undefined =
      button.name === 'crash-worker'
        ? { type: 'crash', worker }
        : button.name === 'revive-worker'
          ? { type: 'revive', worker }
          : isSettlement(button.name)
            ? { type: 'settle', worker, how: button.name, requeue: requeue.checked }
            : undefined;
    if (action) showError(host.act(action));
  });
  host.element.append(
    inputRows(
      RA_CLASS.panel,
      [prefetch.element, apply],
      [publish, run],
      h('label', { for: requeue.id, class: RA_CLASS.check }, requeue, ' requeue для nack/reject'),
      error.element,
    ),
  );
  return {
    update(view) {
      if (
        document.activeElement !== prefetch.input &&
        prefetch.input.getAttribute('aria-invalid') !== 'true'
      ) {
        prefetch.input.value = String(view.prefetch);
      }
      showError(undefined);
    },
    reset() {
      prefetch.setError(undefined);
      showError(undefined);
      setRequeue(true);
    },
  };
}
