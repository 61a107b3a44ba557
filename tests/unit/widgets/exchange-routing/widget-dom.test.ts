// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { exchangeRoutingWidget } from '../../../../src/widgets/exchange-routing/index.ts';
import { widgetDom } from '../dom-setup.ts';

const dom = widgetDom('exchange-routing', exchangeRoutingWidget);

function mountOn(section: string): { root: HTMLElement; slot: HTMLElement } {
  return dom.mount({ section });
}

const q = (root: HTMLElement, name: string) =>
  root.querySelector<HTMLElement>(`[data-queue="${name}"]`);
const caption = (root: HTMLElement) => root.querySelector('[role="status"]')?.textContent ?? '';

function type(input: HTMLInputElement, value: string, event: 'change' | 'enter'): void {
  input.value = value;
  if (event === 'change') input.dispatchEvent(new Event('change', { bubbles: true }));
  else input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
}

describe('exchange-routing in the DOM', () => {
  it('picks the slide’s story and shows the state after each step', () => {
    const { root } = mountOn('26');
    expect(root.querySelector<HTMLSelectElement>('select[name="exchange-type"]')?.value).toBe(
      'topic',
    );
    dom.handle?.setStep(1, false);
    expect(root.dataset['step']).toBe('1');
    expect(q(root, 'errors')?.dataset['received']).toBe('true');
    expect(q(root, 'payments')?.dataset['depth']).toBe('1');
    expect(caption(root)).toContain('попало в 2 очереди из 2');
    dom.handle?.setStep(3, false);
    expect(q(root, 'payments')?.dataset['received']).toBe('false');
    expect(q(root, 'errors')?.dataset['depth']).toBe('2');
    dom.handle?.setStep(0, false);
    expect(q(root, 'errors')?.dataset['depth']).toBe('0');
    expect(q(root, 'errors')?.hasAttribute('data-received')).toBe(false);
  });

  it('publishes what the student types; markup stays text; invalid input changes nothing', () => {
    const { root } = mountOn('26');
    const key = root.querySelector<HTMLInputElement>('input[name="routing-key"]');
    if (!key) throw new Error('no routing-key field');
    type(key, 'info.payment', 'enter');
    expect(q(root, 'payments')?.dataset['received']).toBe('true');
    expect(q(root, 'errors')?.dataset['received']).toBe('false');
    const before = root.innerHTML;
    type(key, 'я'.repeat(128), 'enter');
    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(
      document.getElementById(key.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toMatch(/255 байт/);
    expect(q(root, 'payments')?.dataset['depth']).toBe('1');
    expect(root.querySelector('svg')?.innerHTML).toBe(
      new DOMParser().parseFromString(before, 'text/html').querySelector('svg')?.innerHTML,
    );
    type(key, '<img src=x onerror=alert(1)>', 'enter');
    expect(key.hasAttribute('aria-invalid')).toBe(false);
    expect(root.querySelector('img')).toBeNull();
    expect(caption(root)).toContain('<img src=x onerror=alert(1)>');
  });

  it('edits bindings on change, validates them, and adds queues and bindings', () => {
    const { root } = mountOn('26');
    const binding = q(root, 'errors')?.querySelector<HTMLInputElement>('input[name="binding-key"]');
    if (!binding) throw new Error('no binding field');
    type(binding, 'a.'.repeat(5000), 'change');
    expect(binding.getAttribute('aria-invalid')).toBe('true');
    type(binding, 'error.#', 'change');
    const key = root.querySelector<HTMLInputElement>('input[name="routing-key"]');
    if (!key) throw new Error('no routing-key field');
    type(key, 'error.payment.eu', 'enter');
    expect(q(root, 'errors')?.dataset['received']).toBe('true');
    root.querySelector<HTMLButtonElement>('button[name="add-queue"]')?.click();
    expect(
      q(root, 'queue-3')?.querySelector<HTMLInputElement>('input[name="binding-key"]')?.value,
    ).toBe('#');
    q(root, 'queue-3')?.querySelector<HTMLButtonElement>('button[name="remove-binding"]')?.click();
    expect(q(root, 'queue-3')?.querySelectorAll('input[name="binding-key"]')).toHaveLength(0);
    root.querySelector<HTMLButtonElement>('button[name="reset"]')?.click();
    expect(q(root, 'queue-3')).toBeNull();
  });

  it('switches exchange type and reads headers for the headers exchange', () => {
    const { root } = mountOn('17');
    const select = root.querySelector<HTMLSelectElement>('select[name="exchange-type"]');
    if (!select) throw new Error('no select');
    select.value = 'headers';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const headers = root.querySelector<HTMLInputElement>('input[name="headers"]');
    if (!headers) throw new Error('no headers field');
    type(headers, 'status', 'enter');
    expect(headers.getAttribute('aria-invalid')).toBe('true');
    type(headers, 'status=created', 'enter');
    expect(q(root, 'notifications')?.dataset['received']).toBe('true');
    expect(q(root, 'billing')?.dataset['received']).toBe('false');
  });

  it('removes everything on destroy', () => {
    const { slot } = mountOn('18');
    dom.handle?.setStep(5, false);
    dom.destroy();
    expect(slot.children).toHaveLength(0);
  });
});
