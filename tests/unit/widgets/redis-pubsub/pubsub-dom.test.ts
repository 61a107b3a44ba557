// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { redisPubSubWidget } from '../../../../src/widgets/redis-pubsub/index.ts';
import { widgetDom } from '../dom-setup.ts';

const dom = widgetDom('redis-pubsub', redisPubSubWidget);

function mount(): HTMLElement {
  return dom.mount().root;
}

const input = (root: HTMLElement, name: string) =>
  root.querySelector<HTMLInputElement>(`input[name="${name}"]`) as HTMLInputElement;
const click = (root: HTMLElement, selector: string) =>
  root.querySelector<HTMLButtonElement>(selector)?.click();
const caption = (root: HTMLElement) => root.querySelector('[role="status"]')?.textContent ?? '';

describe('redis-pubsub in the DOM', () => {
  it('follows the contract: root, step, fields, buttons, data-receivers after a PUBLISH', () => {
    const root = mount();
    expect(root.dataset['widget']).toBe('redis-pubsub');
    for (const name of ['channel', 'message', 'pattern']) expect(input(root, name)).toBeTruthy();
    expect(root.querySelector('button[name="publish"]')).toBeTruthy();
    expect(root.querySelector('button[name="add-subscriber"]')).toBeTruthy();
    expect(root.dataset['receivers']).toBeUndefined();
    dom.handle?.setStep(1, false);
    expect(root.dataset['step']).toBe('1');
    expect(root.dataset['receivers']).toBe('0');
    expect(caption(root)).toContain('пропало');
    dom.handle?.setStep(5, false);
    expect(root.dataset['receivers']).toBe('2');
  });

  it('adds a pattern subscriber and publishes to it; the count is the core’s', () => {
    const root = mount();
    input(root, 'pattern').value = 'news.*';
    click(root, 'button[name="add-subscriber"]');
    expect(root.querySelector('[data-subscriber="S1"]')?.textContent).toContain(
      'PSUBSCRIBE news.*',
    );
    input(root, 'channel').value = 'news.sport';
    input(root, 'message').value = 'гол';
    click(root, 'button[name="publish"]');
    expect(root.dataset['receivers']).toBe('1');
    expect(root.querySelector<HTMLElement>('[data-subscriber="S1"]')?.dataset['fate']).toBe('got');
    click(root, '[data-subscriber="S1"] button[name="leave"]');
    click(root, 'button[name="publish"]');
    expect(root.dataset['receivers']).toBe('0');
  });

  it('rejects invalid input next to the field and changes nothing else', () => {
    const root = mount();
    dom.handle?.setStep(3, false);
    const before = root.querySelector('.w-ps-board')?.innerHTML;
    input(root, 'channel').value = '   ';
    click(root, 'button[name="publish"]');
    expect(input(root, 'channel').getAttribute('aria-invalid')).toBe('true');
    const id = input(root, 'channel').getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(id)?.textContent).toMatch(/пуст/);
    input(root, 'pattern').value = '*'.repeat(10_000);
    click(root, 'button[name="add-subscriber"]');
    expect(input(root, 'pattern').getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('.w-ps-board')?.innerHTML).toBe(before);
    expect(root.dataset['receivers']).toBe('1');
  });

  it('shows hostile text as text and caps the student’s subscribers', () => {
    const root = mount();
    const evil = '<img src=x onerror=alert(1)>';
    for (let i = 0; i < 5; i++) {
      input(root, 'pattern').value = evil;
      click(root, 'button[name="add-subscriber"]');
    }
    expect(input(root, 'pattern').getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelectorAll('[data-subscriber]')).toHaveLength(4);
    input(root, 'channel').value = evil;
    input(root, 'message').value = evil;
    click(root, 'button[name="publish"]');
    expect(root.querySelector('img')).toBeNull();
    expect(root.dataset['receivers']).toBe('4');
    expect(caption(root)).toContain(evil);
  });

  it('reset clears what the student added; destroy removes the root', () => {
    const root = mount();
    input(root, 'pattern').value = 'x';
    click(root, 'button[name="add-subscriber"]');
    click(root, 'button[name="reset"]');
    expect(root.querySelector('[data-subscriber]')).toBeNull();
    dom.destroy();
    expect(document.querySelector('[data-widget]')).toBeNull();
  });
});
