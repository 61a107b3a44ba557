// @vitest-environment happy-dom
import { describe, expect, it, onTestFinished } from 'vitest';
import { rabbitAcksWidget } from '../../../../src/widgets/rabbit-acks/index.ts';
import { mountWidget, type WidgetHandle } from '../../../../src/widgets/runtime/mount.ts';
import { widgetDom } from '../dom-setup.ts';

const dom = widgetDom('rabbit-acks', rabbitAcksWidget);

function mountOn(section: string): HTMLElement {
  return dom.mount({ section }).root;
}

/** Mounts the widget with the story slide 24 names (`story=consumer` on its marker). */
function mountConsumer(): WidgetHandle {
  const slot = document.body.appendChild(document.createElement('div'));
  const handle = mountWidget(slot, 'rabbit-acks', rabbitAcksWidget, {
    reducedMotion: true,
    story: 'consumer',
  });
  onTestFinished(() => handle.destroy());
  return handle;
}

const caption = (root: HTMLElement) => root.querySelector('[role="status"]')?.textContent ?? '';
const chips = (root: HTMLElement, sel: string) =>
  [...root.querySelectorAll<HTMLElement>(`${sel} [data-task]`)].map((c) => c.dataset['task']);
const click = (root: HTMLElement, sel: string) =>
  root
    .querySelector<HTMLButtonElement>(sel)
    ?.dispatchEvent(new MouseEvent('click', { bubbles: true }));

describe('rabbit-acks in the DOM', () => {
  it('has one root with the contract: data-widget, data-step, prefetch field, crash buttons', () => {
    const root = mountOn('19');
    expect(document.querySelectorAll('[data-widget="rabbit-acks"]')).toHaveLength(1);
    expect(root.dataset['step']).toBe('0');
    expect(root.querySelector('input[name="prefetch"]')).not.toBeNull();
    expect(root.querySelectorAll('button[name="crash-worker"]')).toHaveLength(2);
    expect(caption(root)).toContain('задач пока нет');
  });

  it('every delivered task carries data-redelivered; a crash makes it true on the other worker', () => {
    const root = mountOn('19');
    dom.handle?.setStep(1, false);
    const delivered = [...root.querySelectorAll<HTMLElement>('[data-redelivered]')];
    expect(delivered.map((c) => c.dataset['redelivered'])).toEqual(['false', 'false']);
    dom.handle?.setStep(4, false);
    const again = root.querySelector<HTMLElement>('[data-worker="w2"] [data-state="working"]');
    expect(again?.dataset).toMatchObject({ task: '3', redelivered: 'true' });
    expect(root.querySelector('[data-worker="w1"]')?.getAttribute('data-up')).toBe('false');
  });

  it('slide 24 shows task 2 deleted after its retry: consumer.py’s queue has no DLX', () => {
    const { root, setStep } = mountConsumer();
    setStep(3, false);
    expect(root.querySelector('[data-queue="tasks.dlq"]')).toBeNull();
    expect(chips(root, '[data-discarded="true"]')).toEqual(['2']);
    expect(caption(root)).toContain('Задача 2 удалена: у очереди нет DLX');
  });

  it('an invalid prefetch shows a message next to the field and changes nothing', () => {
    const root = mountOn('19');
    dom.handle?.setStep(1, false);
    const board = root.querySelector('.w-ra-board')?.innerHTML;
    const input = root.querySelector<HTMLInputElement>('input[name="prefetch"]')!;
    input.value = '<img src=x onerror=alert(1)>';
    click(root, 'button[name="apply-prefetch"]');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(input.getAttribute('aria-describedby') ?? '');
    expect(message?.textContent).toMatch(/prefetch_count/);
    expect(root.querySelector('.w-ra-board')?.innerHTML).toBe(board);
    expect(root.querySelector('img')).toBeNull();
  });

  it('student buttons drive the simulation; a new clicker step replaces the detour', () => {
    const root = mountOn('19');
    dom.handle?.setStep(1, false);
    click(root, '[data-worker="w1"] button[name="crash-worker"]');
    expect(chips(root, '[data-queue="tasks"]')[0]).toBe('1');
    expect(caption(root)).toContain('Воркер 1 упал');
    click(root, '[data-worker="w1"] button[name="revive-worker"]');
    expect(root.querySelector('[data-worker="w1"]')?.getAttribute('data-up')).toBe('true');
    dom.handle?.setStep(2, false);
    expect(root.querySelector('[data-worker="w1"]')?.getAttribute('data-up')).toBe('true');
    expect(chips(root, '[data-worker="w1"]')).toEqual(['3', '1']);
  });

  it('a worker with empty hands keeps its buttons focusable; acking then says why nothing happens', () => {
    const root = mountOn('19');
    dom.handle?.setStep(1, false);
    const ack = () =>
      root.querySelector<HTMLButtonElement>('[data-worker="w1"] button[name="ack"]');
    for (let i = 0; i < 3; i++) {
      ack()?.focus();
      click(root, '[data-worker="w1"] button[name="ack"]');
    }
    expect(ack()?.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(ack());
    click(root, '[data-worker="w1"] button[name="ack"]');
    expect(root.querySelector('[data-panel-error]')?.textContent).toBe(
      'Воркер 1: в руках нет задач — подтверждать нечего.',
    );
  });

  it('destroy removes the root and everything in it', () => {
    mountOn('19');
    dom.destroy();
    expect(document.querySelector('[data-widget]')).toBeNull();
  });
});
