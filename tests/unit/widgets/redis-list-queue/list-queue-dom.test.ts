// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { redisListQueueWidget } from '../../../../src/widgets/redis-list-queue/index.ts';
import { widgetDom } from '../dom-setup.ts';

const dom = widgetDom('redis-list-queue', redisListQueueWidget);

function mount(): HTMLElement {
  return dom.mount().root;
}

const task = (root: HTMLElement) =>
  root.querySelector<HTMLInputElement>('input[name="task"]') as HTMLInputElement;
const click = (root: HTMLElement, selector: string) =>
  root.querySelector<HTMLButtonElement>(selector)?.click();
const worker = (root: HTMLElement, name: string) =>
  root.querySelector<HTMLElement>(`li[data-worker="${name}"]`);
const caption = (root: HTMLElement) => root.querySelector('[role="status"]')?.textContent ?? '';

describe('redis-list-queue in the DOM', () => {
  it('shows each step of the story: waiting, busy, crashed and what was lost', () => {
    const root = mount();
    expect(root.dataset['widget']).toBe('redis-list-queue');
    expect(worker(root, 'W1')?.dataset['status']).toBe('waiting');
    dom.handle?.setStep(5, false);
    expect(worker(root, 'W2')?.dataset['status']).toBe('crashed');
    expect(root.dataset['lost']).toBe('1');
    expect(caption(root)).toContain('потеряна навсегда');
    dom.handle?.setStep(7, false);
    expect(root.querySelector('[data-part="processing"]')?.getAttribute('data-length')).toBe('1');
  });

  it('LPUSH, finish, crash and restart through the buttons', () => {
    const root = mount();
    task(root).value = 'письмо Олегу';
    click(root, 'button[name="lpush"]');
    expect(worker(root, 'W1')?.textContent).toContain('письмо Олегу');
    root.querySelector<HTMLButtonElement>('li[data-worker="W1"] button[name="finish"]')?.focus();
    click(root, 'li[data-worker="W1"] button[name="finish"]');
    expect(worker(root, 'W1')?.dataset['status']).toBe('waiting');
    // «Готово» is gone from a waiting worker: focus stays on the same card.
    expect(document.activeElement?.closest('li')?.getAttribute('data-worker')).toBe('W1');
    click(root, 'li[data-worker="W2"] button[name="crash-worker"]');
    expect(worker(root, 'W2')?.dataset['status']).toBe('crashed');
    root.querySelector<HTMLSelectElement>('select[name="worker-mode"]')!.value = 'BLMOVE';
    click(root, 'li[data-worker="W2"] button[name="restart"]');
    expect(worker(root, 'W2')?.dataset['mode']).toBe('BLMOVE');
    click(root, 'button[name="add-worker"]');
    expect(worker(root, 'W4')?.dataset['status']).toBe('waiting');
  });

  it('refuses to requeue a task still being worked on, and an empty processing list', () => {
    const root = mount();
    click(root, 'button[name="requeue"]');
    expect(root.querySelector('[data-note]')?.textContent).toContain('пусто');
    dom.handle?.setStep(6, false);
    click(root, 'button[name="requeue"]');
    expect(root.querySelector('[data-note]')?.textContent).toContain('в работе');
    expect(root.querySelector('[data-part="processing"]')?.getAttribute('data-length')).toBe('1');
  });

  it('rejects empty and overlong tasks next to the field; hostile text stays text', () => {
    const root = mount();
    const before = root.querySelector('.w-lq-board')?.innerHTML;
    for (const bad of ['   ', 'x'.repeat(10_000)]) {
      task(root).value = bad;
      click(root, 'button[name="lpush"]');
      expect(task(root).getAttribute('aria-invalid')).toBe('true');
    }
    expect(root.querySelector('.w-lq-board')?.innerHTML).toBe(before);
    task(root).value = '<img src=x onerror=alert(1)>';
    task(root).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(task(root).hasAttribute('aria-invalid')).toBe(false);
    expect(root.querySelector('img')).toBeNull();
    expect(worker(root, 'W1')?.textContent).toContain('<img src=x');
  });

  it('caps workers at six and resets to the story', () => {
    const root = mount();
    for (let i = 0; i < 4; i++) click(root, 'button[name="add-worker"]');
    expect(root.querySelectorAll('li[data-worker]')).toHaveLength(6);
    expect(root.querySelector('[data-note]')?.textContent).toContain('Не больше 6');
    click(root, 'button[name="reset"]');
    expect(root.querySelectorAll('li[data-worker]')).toHaveLength(3);
  });
});
