// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { idempotentConsumerWidget } from '../../../../src/widgets/idempotent-consumer/index.ts';
import { widgetDom } from '../dom-setup.ts';

const dom = widgetDom('idempotent-consumer', idempotentConsumerWidget);

function mount(): HTMLElement {
  return dom.mount().root;
}

const field = (root: HTMLElement, name: string) =>
  root.querySelector<HTMLInputElement>(`[name="${name}"]`) as HTMLInputElement;

describe('idempotent-consumer in the DOM', () => {
  it('marks the redelivered message and counts charges per consumer', () => {
    const root = mount();
    dom.handle!.setStep(4, false);
    const flags = [...root.querySelectorAll<HTMLElement>('[data-redelivered]')].map(
      (li) => li.dataset['redelivered'],
    );
    expect(flags).toEqual(['false', 'true']);
    expect(root.dataset['naiveCharges']).toBe('2');
    expect(root.dataset['idempotentCharges']).toBe('1');
    expect(root.querySelector('.w-ic-total--bad')?.textContent).toMatch(/дважды/);
  });

  it('a hostile payment id is shown as text; invalid amounts change nothing', () => {
    const root = mount();
    dom.handle!.setStep(6, false);
    field(root, 'payment-id').value = '<img src=x onerror=alert(1)>';
    (root.querySelector('[name="send-payment"]') as HTMLButtonElement).click();
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
    const before = root.dataset['naiveCharges'];
    field(root, 'amount').value = '-5';
    (root.querySelector('[name="send-payment"]') as HTMLButtonElement).click();
    expect(field(root, 'amount').getAttribute('aria-invalid')).toBe('true');
    expect(root.dataset['naiveCharges']).toBe(before);
  });

  it('the student’s payments stay across a seek (the kit’s log), «Сначала» drops them; destroy removes the root', () => {
    const root = mount();
    dom.handle!.setStep(6, false);
    (root.querySelector('[name="send-payment"]') as HTMLButtonElement).click();
    expect(root.dataset['naiveCharges']).toBe('4');
    expect(root.dataset['idempotentCharges']).toBe('2');
    dom.handle!.setStep(0, false);
    expect(root.dataset['naiveCharges']).toBe('1');
    (root.querySelector('[name="reset"]') as HTMLButtonElement).click();
    expect(root.dataset['naiveCharges']).toBe('0');
    dom.destroy();
    expect(document.querySelector('[data-widget]')).toBeNull();
  });
});
