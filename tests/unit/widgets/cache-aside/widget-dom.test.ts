// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cacheAsideWidget } from '../../../../src/widgets/cache-aside/index.ts';
import { widgetDom } from '../dom-setup.ts';

const dom = widgetDom('cache-aside', cacheAsideWidget);

function mount(reducedMotion = true): { root: HTMLElement; slot: HTMLElement } {
  return dom.mount({ reducedMotion });
}

const input = (root: HTMLElement, name: string) =>
  root.querySelector<HTMLInputElement>(`input[name="${name}"]`) as HTMLInputElement;
const click = (root: HTMLElement, name: string) =>
  root.querySelector<HTMLButtonElement>(`button[name="${name}"]`)?.click();
const caption = (root: HTMLElement) => root.querySelector('[role="status"]')?.textContent ?? '';
function enter(el: HTMLInputElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
}

describe('cache-aside in the DOM', () => {
  it('shows the state after each step: numbers, keys and the last source', () => {
    const { root } = mount();
    expect(root.dataset['requests']).toBe('0');
    expect(root.querySelector('[data-empty]')?.textContent).toMatch(/Redis пуст/);
    dom.handle?.setStep(1, false);
    expect(root.dataset['lastSource']).toBe('db');
    expect(root.dataset['lastMs']).toBe('202');
    expect(root.querySelector('[data-key="product:1"]')?.getAttribute('data-ttl')).toBe('3600');
    dom.handle?.setStep(3, false);
    expect(root.querySelector('[data-hit-ratio]')?.textContent).toBe('3 из 5 · 60 %');
    dom.handle?.setStep(4, false);
    expect(root.querySelectorAll('[data-key]')).toHaveLength(0);
    expect(caption(root)).toMatch(/TTL истёк/);
    dom.handle?.setStep(2, false);
    expect(root.dataset['lastSource']).toBe('cache');
  });

  it('requests a typed product and waits on the virtual clock', () => {
    const { root } = mount();
    enter(input(root, 'product-id'), '2');
    expect(root.dataset['lastSource']).toBe('db');
    click(root, 'request');
    expect(root.dataset['lastSource']).toBe('cache');
    input(root, 'wait-seconds').value = '3600';
    click(root, 'wait');
    expect(caption(root)).toMatch(/product:2/);
    expect(root.dataset['requests']).toBe('2');
  });

  it('PUT changes the price and deletes the cached copy; the next GET reads the new price', () => {
    const { root } = mount();
    dom.handle?.setStep(1, false);
    input(root, 'price').value = '1000';
    click(root, 'update');
    expect(caption(root)).toMatch(/DEL product:1 → 1/);
    expect(root.querySelectorAll('[data-key]')).toHaveLength(0);
    click(root, 'request');
    expect(root.querySelector('[data-key="product:1"]')?.textContent).toMatch(/1\s?000 ₽/);
    enter(input(root, 'price'), '0');
    expect(input(root, 'price').getAttribute('aria-invalid')).toBe('true');
  });

  it('rejects bad input next to the field and changes nothing else', () => {
    const { root } = mount();
    dom.handle?.setStep(2, false);
    const before = root.querySelector('[data-hit-ratio]')?.textContent;
    for (const [name, value] of [
      ['product-id', '<img src=x onerror=alert(1)>'],
      ['ttl', '0'],
      ['db-ms', '-1'],
      ['wait-seconds', 'x'],
    ] as const) {
      enter(input(root, name), value);
      const el = input(root, name);
      expect(el.getAttribute('aria-invalid'), name).toBe('true');
      const message = document.getElementById(el.getAttribute('aria-describedby') ?? '');
      expect(message?.textContent?.length).toBeGreaterThan(5);
    }
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('[data-hit-ratio]')?.textContent).toBe(before);
  });

  it('replays the story with a student’s TTL and resets to the slide’s values', () => {
    const { root } = mount();
    dom.handle?.setStep(2, false);
    enter(input(root, 'ttl'), '1');
    expect(root.dataset['lastSource']).toBe('db');
    root.querySelector<HTMLButtonElement>('button[name="reset"]')?.click();
    expect(input(root, 'ttl').value).toBe('3600');
    expect(root.dataset['step']).toBe('0');
  });

  it('destroy removes the root and stops a running flight', () => {
    const { slot, root } = mount(false);
    dom.handle?.setStep(1, true);
    expect(root.querySelector('.w-ca-token')).not.toBeNull();
    dom.destroy();
    expect(slot.children).toHaveLength(0);
  });
});
