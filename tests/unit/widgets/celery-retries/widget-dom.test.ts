// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { celeryRetriesWidget } from '../../../../src/widgets/celery-retries/index.ts';
import { mountWidget, type WidgetHandle } from '../../../../src/widgets/runtime/mount.ts';
import type { CeleryStoryName } from '../../../../src/widgets/celery-retries/story.ts';

/** The widget as the deck mounts a slot naming `story` (the default face, the lab). */
const dom: { handle: WidgetHandle | undefined } = { handle: undefined };
afterEach(() => {
  dom.handle?.destroy();
  dom.handle = undefined;
  document.body.replaceChildren();
});

function mountOn(story: CeleryStoryName): HTMLElement {
  const slot = document.createElement('div');
  document.body.append(slot);
  dom.handle = mountWidget(slot, 'celery-retries', celeryRetriesWidget, {
    reducedMotion: true,
    story,
  });
  return dom.handle.root;
}

const caption = (root: HTMLElement) => root.querySelector('[role="status"]')?.textContent ?? '';
const input = (root: HTMLElement, name: string) =>
  root.querySelector<HTMLInputElement>(`[name="${name}"]`) as HTMLInputElement;

function type(el: HTMLInputElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
}

describe('celery-retries in the DOM', () => {
  it('puts Celery’s state in data-state and seeks both ways', () => {
    const root = mountOn('max-retries');
    expect(root.dataset['state']).toBe('PENDING');
    expect(caption(root)).toMatch(/ещё не отправлена/);
    dom.handle!.setStep(6, false);
    expect(root.dataset['state']).toBe('FAILURE');
    expect(root.querySelectorAll('.w-cr-run[data-outcome="error"]')).toHaveLength(4);
    dom.handle!.setStep(3, false);
    expect(root.dataset['state']).toBe('RETRY');
    expect(root.querySelector('[aria-current="step"]')?.getAttribute('data-task-state')).toBe(
      'RETRY',
    );
    expect(caption(root)).toMatch(/RETRY/);
  });

  it('a student’s max_retries replays the story; invalid input changes nothing', () => {
    const root = mountOn('max-retries');
    dom.handle!.setStep(6, false);
    type(input(root, 'failures'), '2');
    expect(root.dataset['state']).toBe('SUCCESS');
    const before = root.innerHTML;
    for (const bad of ['-1', '11', '<img src=x onerror=alert(1)>']) {
      type(input(root, 'max-retries'), bad);
      expect(input(root, 'max-retries').getAttribute('aria-invalid')).toBe('true');
      expect(root.querySelector('img')).toBeNull();
    }
    expect(root.dataset['state']).toBe('SUCCESS');
    expect(root.querySelectorAll('.w-cr-run')).toHaveLength(3);
    type(input(root, 'max-retries'), '1');
    expect(input(root, 'max-retries').hasAttribute('aria-invalid')).toBe(false);
    expect(root.dataset['state']).toBe('FAILURE');
    expect(before).not.toBe(root.innerHTML);
    (root.querySelector('[name="reset-inputs"]') as HTMLButtonElement).click();
    expect(input(root, 'max-retries').value).toBe('3');
    expect(root.dataset['state']).toBe('FAILURE');
  });

  it('early ack: unchecking acks_late on slide 39 loses the task', () => {
    const root = mountOn('acks');
    dom.handle!.setStep(6, false);
    expect(root.dataset['state']).toBe('SUCCESS');
    const box = input(root, 'acks-late');
    box.checked = false;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    expect(root.dataset['state']).toBe('STARTED');
    expect(root.dataset['lost']).toBe('true');
    expect(caption(root)).toMatch(/acks_late=False|никто не выполнит/);
  });

  it('destroy removes the root', () => {
    mountOn('backoff');
    dom.handle?.destroy();
    dom.handle = undefined;
    expect(document.querySelector('[data-widget]')).toBeNull();
  });
});

describe('celery-retries legend', () => {
  it('lists on the stage only the marks its story draws, and every mark in the lab', () => {
    const slot = document.createElement('div');
    document.body.append(slot);
    dom.handle = mountWidget(slot, 'celery-retries', celeryRetriesWidget, {
      reducedMotion: true,
      story: 'states',
      face: 'stage',
    });
    const root = dom.handle.root;
    const keys = () =>
      [...root.querySelectorAll<HTMLElement>('[data-legend]')].map((li) => li.dataset['legend']);
    const all = ['running', 'ok', 'error', 'killed', 'wait', 'sent', 'redelivered'];
    const stage = keys();
    // No worker dies in «states»: no killed run, no redelivery on the stage's legend.
    expect(stage).not.toContain('killed');
    expect(stage).not.toContain('redelivered');
    expect(stage).toContain('running');
    expect(stage.every((key) => all.includes(key ?? ''))).toBe(true);
    dom.handle.setFace('lab');
    expect(keys()).toEqual(all);
    dom.handle.setFace('stage');
    expect(keys()).toEqual(stage);
  });

  it('a select set to a value that is not an option changes nothing and shows the setting in use', () => {
    const root = mountOn('acks');
    const select = (name: string) =>
      root.querySelector<HTMLSelectElement>(`select[name="${name}"]`) as HTMLSelectElement;
    const choose = (name: string, value: string): void => {
      select(name).value = value;
      select(name).dispatchEvent(new Event('change', { bubbles: true }));
    };
    choose('transport', 'rabbitmq');
    choose('retry', 'countdown');
    const before = caption(root);
    choose('transport', 'kafka');
    choose('retry', 'forever');
    expect(select('transport').value).toBe('rabbitmq');
    expect(select('retry').value).toBe('countdown');
    expect(caption(root)).toBe(before);
  });
});
