// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { exchangeRoutingWidget } from '../../../../src/widgets/exchange-routing/index.ts';
import { mountWidget, type WidgetHandle } from '../../../../src/widgets/runtime/mount.ts';

let handle: WidgetHandle | undefined;
afterEach(() => {
  handle?.destroy();
  handle = undefined;
  document.body.replaceChildren();
});

function slide18(): HTMLElement {
  const slide = document.createElement('section');
  slide.dataset['section'] = '18';
  const slot = document.createElement('div');
  slide.append(slot);
  document.body.append(slide);
  handle = mountWidget(slot, 'exchange-routing', exchangeRoutingWidget, {
    reducedMotion: true,
    story: 'guided',
  });
  return handle.root;
}

const emails = (root: HTMLElement) =>
  root.querySelector('[data-queue-box="emails"]')?.textContent ?? '';

describe('slide 18 walks the message to the consumer and its ack', () => {
  it('delivered but not acked: the queue still counts it as unacked, the consumer holds a token', () => {
    const root = slide18();
    handle?.setStep(3, false);
    expect(emails(root)).not.toContain('unacked');
    expect(root.querySelectorAll('[data-queue-box="emails"] .w-er-token')).toHaveLength(1);
    const tokens = () =>
      root.querySelectorAll('.w-er-figure .w-er-token:not(.w-er-legend *)').length;
    const queued = tokens();
    handle?.setStep(4, false);
    expect(emails(root)).toContain('1 unacked');
    // The copy left the queue's ready list and sits at the consumer: the token count is the same.
    expect(tokens()).toBe(queued);
    expect(root.querySelector('.w-er-acked')).toBeNull();
  });

  it('after basic.ack the queue is empty, the line shows ✓ and the caption says the broker deleted it', () => {
    const root = slide18();
    handle?.setStep(5, false);
    expect(emails(root)).toContain('пусто');
    expect(root.querySelector('.w-er-acked')?.textContent).toBe('✓');
    expect(root.querySelector('[role="status"]')?.textContent).toContain(
      'только теперь брокер удалил его из очереди',
    );
  });
});

describe('three instances on one page (the reading view)', () => {
  it('give every id once, and every label points at its own control', () => {
    const handles = ['architecture', 'guided', 'topic'].map((story) => {
      const slot = document.createElement('div');
      document.body.append(slot);
      return mountWidget(slot, 'exchange-routing', exchangeRoutingWidget, { story });
    });
    const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const label of document.querySelectorAll('label[for]')) {
      const target = document.getElementById(label.getAttribute('for') ?? '');
      expect(target?.closest('[data-widget]')).toBe(label.closest('[data-widget]'));
    }
    for (const h of handles) h.destroy();
  });
});
