// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { brokerChooserWidget } from '../../../../src/widgets/broker-chooser/index.ts';
import { QUESTIONS } from '../../../../src/widgets/broker-chooser/rules.ts';
import { widgetDom } from '../dom-setup.ts';

const dom = widgetDom('broker-chooser', brokerChooserWidget);

function mount(): { root: HTMLElement; slot: HTMLElement } {
  return dom.mount();
}

const recommended = (root: HTMLElement) =>
  root.querySelector('[data-recommend]')?.getAttribute('data-recommend');
const radio = (root: HTMLElement, q: string, a: string) =>
  root.querySelector<HTMLInputElement>(`input[name="q-${q}"][value="${a}"]`) as HTMLInputElement;
function choose(root: HTMLElement, q: string, a: string): void {
  const r = radio(root, q, a);
  r.checked = true;
  r.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('broker-chooser in the DOM', () => {
  it('has one fieldset of radios per question and a [data-recommend] result', () => {
    const { root } = mount();
    const sets = root.querySelectorAll('fieldset');
    expect(sets).toHaveLength(QUESTIONS.length);
    for (const set of sets) {
      expect(set.querySelector('legend')?.textContent?.length).toBeGreaterThan(5);
      expect(set.querySelectorAll('input[type="radio"]').length).toBeGreaterThanOrEqual(2);
    }
    expect(recommended(root)).toBe('redis');
  });

  it('walks the story: orders → RabbitMQ, clicks → Kafka, notifications → Redis', () => {
    const { root } = mount();
    dom.handle?.setStep(2, false);
    expect(recommended(root)).toBe('rabbitmq');
    expect(radio(root, 'routing', 'complex').checked).toBe(true);
    dom.handle?.setStep(3, false);
    expect(recommended(root)).toBe('kafka');
    dom.handle?.setStep(4, false);
    expect(recommended(root)).toBe('redis');
    expect(
      [...root.querySelectorAll('[data-workload-broker]')].map((e) =>
        e.getAttribute('data-workload-broker'),
      ),
    ).toEqual(['rabbitmq', 'kafka', 'redis']);
  });

  it('follows a student’s answers and a typed rate; they stay on top of every step until «Сначала»', () => {
    const { root } = mount();
    dom.handle?.setStep(2, false);
    choose(root, 'replay', 'yes');
    const rate = root.querySelector<HTMLInputElement>('input[name="rate"]') as HTMLInputElement;
    rate.value = '5 000 000';
    rate.dispatchEvent(new Event('change', { bubbles: true }));
    expect(radio(root, 'throughput', 'huge').checked).toBe(true);
    choose(root, 'operations', 'cluster');
    expect(recommended(root)).toBe('kafka');
    dom.handle?.setStep(3, false);
    dom.handle?.setStep(2, false);
    expect(recommended(root)).toBe('kafka');
    root.querySelector<HTMLButtonElement>('button[name="reset"]')?.click();
    dom.handle?.setStep(2, false);
    expect(recommended(root)).toBe('rabbitmq');
  });

  it('shows a hostile name as text and rejects invalid values next to the field', () => {
    const { root } = mount();
    const name = root.querySelector<HTMLInputElement>('input[name="workload"]') as HTMLInputElement;
    name.value = '<img src=x onerror=alert(1)>';
    name.dispatchEvent(new Event('change', { bubbles: true }));
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('[data-recommend]')?.textContent).toContain('<img src=x');
    const before = recommended(root);
    const rate = root.querySelector<HTMLInputElement>('input[name="rate"]') as HTMLInputElement;
    rate.value = '-1';
    rate.dispatchEvent(new Event('change', { bubbles: true }));
    expect(rate.getAttribute('aria-invalid')).toBe('true');
    expect(recommended(root)).toBe(before);
    name.value = '   ';
    name.dispatchEvent(new Event('change', { bubbles: true }));
    expect(name.getAttribute('aria-invalid')).toBe('true');
    // Whitespace in the rate is refused like in every text field; only an empty field is no rate.
    rate.value = ' \t ';
    rate.dispatchEvent(new Event('change', { bubbles: true }));
    expect(rate.getAttribute('aria-invalid')).toBe('true');
    rate.value = '';
    rate.dispatchEvent(new Event('change', { bubbles: true }));
    expect(rate.hasAttribute('aria-invalid')).toBe(false);
  });

  it('clears answers to a recommendation that still has a reason', () => {
    const { root } = mount();
    dom.handle?.setStep(3, false);
    root.querySelector<HTMLButtonElement>('button[name="clear-answers"]')?.click();
    expect(root.querySelectorAll('input[type="radio"]:checked')).toHaveLength(0);
    expect(recommended(root)).toBe('redis');
    expect(root.querySelectorAll('.w-bc-reasons li').length).toBeGreaterThan(0);
  });

  it('destroy removes everything it made', () => {
    const { slot } = mount();
    dom.destroy();
    expect(slot.children).toHaveLength(0);
  });
});
