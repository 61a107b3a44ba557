// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { exchangeRoutingWidget } from '../../../../src/widgets/exchange-routing/index.ts';
import { widgetDom } from '../dom-setup.ts';

const dom = widgetDom('exchange-routing', exchangeRoutingWidget);

/** The story each slide names on its marker. */
const STORY_OF: Readonly<Record<string, string>> = {
  '17': 'architecture',
  '18': 'guided',
  '26': 'topic',
};

function mountOn(section: string): { root: HTMLElement; slot: HTMLElement } {
  return dom.mount({ section, story: STORY_OF[section] });
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

  it('a 300-byte key then «+ привязка» on direct says why and adds nothing', () => {
    const { root } = mountOn('17');
    const key = root.querySelector<HTMLInputElement>('input[name="routing-key"]');
    if (!key) throw new Error('no routing-key field');
    key.value = 'k'.repeat(300);
    const billing = () => q(root, 'billing')?.querySelectorAll('input[name="binding-key"]').length;
    const before = billing();
    q(root, 'billing')?.querySelector<HTMLButtonElement>('button[name="add-binding"]')?.click();
    expect(billing()).toBe(before);
    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(q(root, 'billing')?.querySelector('[role="alert"]:not([hidden])')?.textContent).toMatch(
      /исправьте/,
    );
    root.querySelector<HTMLButtonElement>('button[name="add-queue"]')?.click();
    expect(q(root, 'queue-4')).toBeNull();
  });

  it('a select set to a value that is not an option is refused, and the next frames draw', () => {
    const { root } = mountOn('26');
    const select = root.querySelector<HTMLSelectElement>('select[name="exchange-type"]');
    if (!select) throw new Error('no select');
    const option = document.createElement('option');
    option.value = 'bogus';
    select.append(option);
    select.value = 'bogus';
    expect(() => select.dispatchEvent(new Event('change', { bubbles: true }))).not.toThrow();
    expect(select.value).toBe('topic');
    expect(root.querySelector('[data-note]')?.textContent).toMatch(/Нет такого типа/);
    dom.handle?.setStep(2, false);
    expect(q(root, 'payments')?.dataset['received']).toBe('true');
  });

  it('a headers binding __proto__=x is kept (not dropped) and shown as typed', () => {
    const { root } = mountOn('17');
    dom.handle?.setStep(4, false);
    const binding = q(root, 'billing')?.querySelector<HTMLInputElement>(
      'input[name="binding-key"]',
    );
    if (!binding) throw new Error('no binding field');
    type(binding, 'x-match=all, __proto__=x', 'change');
    expect(
      q(root, 'billing')?.querySelector<HTMLInputElement>('input[name="binding-key"]')?.value,
    ).toBe('x-match=all, __proto__=x');
    const headers = root.querySelector<HTMLInputElement>('input[name="headers"]');
    if (!headers) throw new Error('no headers field');
    type(headers, 'status=paid', 'enter');
    expect(q(root, 'billing')?.dataset['received']).toBe('false');
    type(headers, '__proto__=x', 'enter');
    expect(q(root, 'billing')?.dataset['received']).toBe('true');
    expect(caption(root)).toContain('{__proto__=x}');
  });

  it('removes everything on destroy', () => {
    const { slot } = mountOn('18');
    dom.handle?.setStep(5, false);
    dom.destroy();
    expect(slot.children).toHaveLength(0);
  });
});
