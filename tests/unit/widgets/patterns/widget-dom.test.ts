// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { patternsWidget } from '../../../../src/widgets/patterns/index.ts';
import { widgetDom } from '../dom-setup.ts';

const dom = widgetDom('patterns', patternsWidget);

function mount(): HTMLElement {
  return dom.mount().root;
}

const caption = (root: HTMLElement) => root.querySelector('[role="status"]')?.textContent ?? '';
const input = (root: HTMLElement, name: string) =>
  root.querySelector<HTMLInputElement>(`input[name="${name}"]`) as HTMLInputElement;
const click = (root: HTMLElement, selector: string) =>
  root
    .querySelector<HTMLElement>(selector)
    ?.dispatchEvent(new MouseEvent('click', { bubbles: true }));

describe('patterns in the DOM', () => {
  it('selects the tab of the pattern each step belongs to', () => {
    const root = mount();
    const selected = () =>
      root.querySelector('[role="tab"][aria-selected="true"]')?.getAttribute('data-pattern');
    expect(selected()).toBe('fanout');
    dom.handle?.setStep(4, false);
    expect(selected()).toBe('sourcing');
    expect(root.dataset['pattern']).toBe('sourcing');
    dom.handle?.setStep(10, false);
    expect(selected()).toBe('rpc');
    expect(root.querySelector('[data-request="c-1"]')?.getAttribute('data-reply-order')).toBe('2');
  });

  it('jumps the clicker to a pattern’s first step when its tab is picked', () => {
    const root = mount();
    click(root, '[role="tab"][data-pattern="rpc"]');
    expect(root.dataset['step']).toBe('7');
    expect(caption(root)).toContain('correlation_id=c-1');
  });

  it('shows the student’s message as text and rejects a bad receiver count without changing anything', () => {
    const root = mount();
    dom.handle?.setStep(1, false);
    const before = root.querySelectorAll('[data-receiver]').length;
    input(root, 'receivers').value = '0';
    input(root, 'receivers').dispatchEvent(new Event('change', { bubbles: true }));
    expect(input(root, 'receivers').getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelectorAll('[data-receiver]').length).toBe(before);
    // «Отправить» refuses while the count is invalid: a valid one first.
    input(root, 'receivers').value = '3';
    input(root, 'message').value = '<img src=x onerror=alert(1)>';
    click(root, 'button[name="publish"]');
    expect(root.querySelector('img')).toBeNull();
    expect(caption(root)).toContain('«<img src=x onerror=alert(1)>»');
  });

  it('refuses an overdraft and lets a new reader replay to the same balance', () => {
    const root = mount();
    dom.handle?.setStep(5, false);
    input(root, 'amount').value = '-500';
    click(root, 'button[name="append"]');
    expect(input(root, 'amount').getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelectorAll('[data-offset]').length).toBe(4);
    click(root, 'button[name="replay"]');
    const balances = [...root.querySelectorAll<HTMLElement>('[data-reader]')].map(
      (r) => r.dataset['balance'],
    );
    expect(balances).toEqual(['120', '120']);
  });

  it('answers a student’s request from its card; the actions replay on every step until «Сначала»', () => {
    const root = mount();
    dom.handle?.setStep(10, false);
    input(root, 'n').value = '7';
    click(root, 'button[name="request"]');
    click(root, 'button[name="answer"][data-correlation-id="c-3"]');
    expect(root.querySelector('[data-request="c-3"]')?.getAttribute('data-stage')).toBe('answered');
    expect(caption(root)).toContain('ответ 13 с запросом fib(7)');
    dom.handle?.setStep(9, false);
    expect(root.querySelector('[data-request="c-3"]')?.getAttribute('data-stage')).toBe('answered');
    dom.handle?.setStep(2, false);
    expect(root.querySelector('[data-request]')).toBeNull();
    click(root, 'button[name="reset"]');
    dom.handle?.setStep(9, false);
    expect(root.querySelector('[data-request="c-3"]')).toBeNull();
  });

  it('refuses «Отправить» while the receiver count is invalid, with the field’s message', () => {
    const root = mount();
    dom.handle?.setStep(1, false);
    input(root, 'receivers').value = '9';
    click(root, 'button[name="publish"]');
    expect(input(root, 'receivers').getAttribute('aria-invalid')).toBe('true');
    const error = input(root, 'receivers').getAttribute('aria-describedby') ?? '';
    expect(root.querySelector(`[id="${error}"]`)?.textContent).toMatch(/Получателей/);
    expect(root.querySelector('[data-receiver]')?.getAttribute('data-count')).toBe('1');
    input(root, 'receivers').value = '2';
    click(root, 'button[name="publish"]');
    expect(input(root, 'receivers').getAttribute('aria-invalid')).toBeNull();
    expect(root.querySelectorAll('[data-kind="subscriber"][data-count="2"]')).toHaveLength(2);
  });

  it('draws no <section>, which reveal.js would take for a vertical slide', () => {
    const root = mount();
    for (const step of [3, 6, 10]) {
      dom.handle?.setStep(step, false);
      expect(root.querySelector('section')).toBeNull();
    }
  });

  it('leaves nothing behind when destroyed', () => {
    const root = mount();
    dom.handle?.setStep(3, false);
    dom.destroy();
    expect(root.isConnected).toBe(false);
    expect(document.body.querySelector('[data-widget]')).toBeNull();
  });
});

describe('patterns legend', () => {
  it('is the kit’s legend, after the picture, and names the marks of the pattern on screen', () => {
    const root = mount();
    const legends = () => root.querySelectorAll('.w-pt-legend');
    const text = () => legends()[0]?.textContent ?? '';
    expect(legends()).toHaveLength(1);
    expect(root.querySelector('.w-picture .w-pt-legend')).toBeNull();
    expect(text()).toContain('копия сообщения у подписчика');
    dom.handle?.setStep(4, false);
    expect(legends()).toHaveLength(1);
    expect(text()).toContain('событие в журнале');
    dom.handle?.setStep(8, false);
    expect(text()).toContain('correlation_id');
  });
});

describe('patterns tabs keep each pattern’s own place', () => {
  const note = (root: HTMLElement) => root.querySelector('[data-note]')?.textContent ?? '';
  const balance = (root: HTMLElement) =>
    root.querySelector<HTMLElement>('[data-reader]')?.dataset['balance'];

  it('coming back to a tab finds the step and the actions the student left there', () => {
    const root = mount();
    // Shown at its last step but nothing done there: its tab opens it at its first step.
    dom.handle?.setStep(3, false);
    click(root, '[role="tab"][data-pattern="rpc"]');
    click(root, '[role="tab"][data-pattern="fanout"]');
    expect(root.dataset['step']).toBe('1');
    // Event Sourcing, its last step: the whole balance withdrawn.
    dom.handle?.setStep(6, false);
    const full = balance(root);
    input(root, 'amount').value = `-${full}`;
    click(root, 'button[name="append"]');
    expect(balance(root)).toBe('0');
    // Request-Reply: a request of the student's, answered.
    click(root, '[role="tab"][data-pattern="rpc"]');
    expect(root.dataset['step']).toBe('7');
    dom.handle?.setStep(10, false);
    input(root, 'n').value = '7';
    click(root, 'button[name="request"]');
    click(root, 'button[name="answer"][data-correlation-id="c-3"]');
    // Fan-out, never shown yet: its first step; a publish there.
    click(root, '[role="tab"][data-pattern="fanout"]');
    expect(root.dataset['step']).toBe('1');
    input(root, 'message').value = 'моё';
    click(root, 'button[name="publish"]');
    expect(caption(root)).toContain('«моё»');

    click(root, '[role="tab"][data-pattern="sourcing"]');
    expect(root.dataset['step']).toBe('6');
    expect(balance(root)).toBe('0');
    expect(note(root)).toBe('');
    click(root, '[role="tab"][data-pattern="rpc"]');
    expect(root.dataset['step']).toBe('10');
    expect(root.querySelector('[data-request="c-3"]')?.getAttribute('data-stage')).toBe('answered');
    expect(note(root)).toBe('');
    click(root, '[role="tab"][data-pattern="fanout"]');
    expect(root.dataset['step']).toBe('1');
    expect(root.querySelector('[data-receiver]')?.getAttribute('data-count')).toBe('2');

    // «Сначала» forgets the places with the actions: a tab goes to its first step again.
    click(root, 'button[name="reset"]');
    click(root, '[role="tab"][data-pattern="rpc"]');
    expect(root.dataset['step']).toBe('7');
  });
});
