// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mountWidget } from '../../../../src/widgets/runtime/mount.ts';
import { orderFlowWidget } from '../../../../src/widgets/order-flow/index.ts';

/** Mounts the widget with the story a slide names (`sync` on slide 6, `async` on slide 7). */
function mountOnSlide(story: 'sync' | 'async') {
  const slide = document.createElement('section');
  const slot = document.createElement('div');
  slide.append(slot);
  document.body.append(slide);
  const handle = mountWidget(slot, 'order-flow', orderFlowWidget, { reducedMotion: true, story });
  const q = <T extends Element>(sel: string) => handle.root.querySelector<T>(sel) as T;
  return { slide, handle, q };
}

const change = (el: HTMLInputElement | HTMLSelectElement, value: string) => {
  el.value = value;
  el.dispatchEvent(new Event('change'));
};

describe('order-flow widget in the DOM', () => {
  it('exposes data-response-ms per design and the slide-6 story', () => {
    const { handle, q, slide } = mountOnSlide('sync');
    expect(handle.root.dataset['story']).toBe('sync');
    handle.setStep(4, false);
    expect(q<SVGGElement>('[data-mode="sync"]').dataset['responseMs']).toBe('2900');
    expect(q<SVGGElement>('[data-mode="async"]').dataset['responseMs']).toBe('115');
    expect(q('[role=status]').textContent).toContain('Клиент ждёт 2');
    handle.destroy();
    expect(slide.querySelector('[data-widget]')).toBeNull();
    slide.remove();
  });

  it('a valid duration updates the response; an invalid or hostile one changes nothing else', () => {
    const { handle, q, slide } = mountOnSlide('async');
    handle.setStep(2, false);
    const email = q<HTMLInputElement>('input[name="email-ms"]');
    change(email, '1000');
    expect(q<SVGGElement>('[data-mode="sync"]').dataset['responseMs']).toBe('1900');
    expect(email.getAttribute('aria-invalid')).toBeNull();
    const before = q('svg').outerHTML;
    for (const bad of ['60001', '-5', '<img src=x onerror=alert(1)>', '']) {
      change(email, bad);
      expect(email.getAttribute('aria-invalid')).toBe('true');
      const message = document.getElementById(email.getAttribute('aria-describedby') ?? '');
      expect(message?.textContent).toMatch(/Письмо: /);
      expect(q('svg').outerHTML).toBe(before);
    }
    expect(handle.root.querySelector('img')).toBeNull();
    change(email, '60000');
    expect(email.getAttribute('aria-invalid')).toBeNull();
    expect(q<SVGGElement>('[data-mode="sync"]').dataset['responseMs']).toBe('60900');
    handle.destroy();
    slide.remove();
  });

  it('a failing worker: sync becomes an error after it, async keeps 115 ms; reset restores', () => {
    const { handle, q, slide } = mountOnSlide('async');
    handle.setStep(4, false);
    change(q<HTMLSelectElement>('select[name="fail-inventory"]'), '1');
    const sync = q<SVGGElement>('[data-mode="sync"]');
    expect([sync.dataset['responseMs'], sync.dataset['status']]).toEqual(['2600', '500']);
    expect(q<SVGGElement>('[data-mode="async"]').dataset['responseMs']).toBe('115');
    expect(q('[data-task="inventory"]').getAttribute('data-queue-state')).toBe('lost');
    // The ✕ by the lane is explained: the task is lost (BRPOP, no redelivery), not retried.
    expect(q('.w-of-legend').textContent).toContain('задача выполнена / потеряна');
    expect(q('[data-task="inventory"]').textContent).toBe('✕');
    expect(q('[role=status]').textContent).toContain('Воркер остатков: 1 сбой');
    q<HTMLButtonElement>('button[name="reset-inputs"]').click();
    expect(sync.dataset['responseMs']).toBe('2900');
    handle.destroy();
    slide.remove();
  });
});
