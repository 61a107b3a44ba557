// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import {
  clampNotesFont,
  NOTES_FONT,
  NotesPanel,
} from '../../../../src/deck/speaker/notes-panel.ts';
import { elementsIn } from '../../../../src/deck/speaker/dom.ts';
import { readPlan, slideSteps } from '../../../../src/deck/speaker/plan-dom.ts';
import { ResetControl, RESET_CONFIRM_MS } from '../../../../src/deck/speaker/reset-control.ts';
import { keyCommand } from '../../../../src/deck/speaker/speaker.ts';

function section(html: string): HTMLElement {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  return holder.firstElementChild as HTMLElement;
}

describe('speaker view pieces', () => {
  it('reads the plan from the sections the pipeline emits', () => {
    const plan = readPlan([
      section(
        '<section id="s-13" data-section="13" data-part="redis" data-range="4-5" data-timing="146"><h2>Кэш</h2></section>',
      ),
      section(
        '<section id="s-14" data-section="14" data-part="redis" data-range="2"><h2>Очередь</h2></section>',
      ),
    ]);
    expect(plan).toEqual([
      {
        id: 's-13',
        section: 13,
        title: 'Кэш',
        part: 'redis',
        plannedSeconds: 146,
        range: { min: 4, max: 5 },
      },
      {
        id: 's-14',
        section: 14,
        title: 'Очередь',
        part: 'redis',
        plannedSeconds: 0,
        range: { min: 2, max: 2 },
      },
    ]);
  });

  it('counts steps as reveal does: fragments sharing an index are one step', () => {
    const s = section(`<section>
      <span class="fragment visible" data-fragment-index="0"></span>
      <span class="fragment visible" data-fragment-index="0"></span>
      <span class="fragment" data-fragment-index="1"></span>
      <span class="fragment" data-fragment-index="2"></span></section>`);
    expect(slideSteps(s)).toEqual({ shown: 1, total: 3 });
  });

  it('clamps the notes font to its range and step, and remembers it', () => {
    expect(clampNotesFont('30')).toBe(32);
    expect(clampNotesFont(1000)).toBe(NOTES_FONT.max);
    expect(clampNotesFont('<img src=x onerror=alert(1)>')).toBe(NOTES_FONT.initial);
    localStorage.clear();
    const panel = new NotesPanel(elementsIn(document), localStorage);
    const [smaller, larger] = [...panel.element.querySelectorAll('button')];
    larger?.click();
    expect(panel.fontSize).toBe(NOTES_FONT.initial + NOTES_FONT.step);
    expect(new NotesPanel(elementsIn(document), localStorage).fontSize).toBe(panel.fontSize);
    for (let i = 0; i < 20; i++) smaller?.click();
    expect(panel.fontSize).toBe(NOTES_FONT.min);
    expect(smaller?.disabled).toBe(true);
  });

  it('shows notes as copied nodes, never as markup from text', () => {
    const panel = new NotesPanel(elementsIn(document), null);
    const notes = section('<aside class="notes"><p>&lt;img src=x onerror=alert(1)&gt;</p></aside>');
    panel.show(notes);
    expect(panel.element.querySelector('img')).toBeNull();
    expect(panel.element.textContent).toContain('<img src=x onerror=alert(1)>');
    panel.show(null);
    expect(panel.element.textContent).toContain('нет заметок');
  });

  it('resets only after the confirmation, which withdraws itself', () => {
    vi.useFakeTimers();
    try {
      const onReset = vi.fn();
      const control = new ResetControl(elementsIn(document), onReset);
      document.body.append(control.element);
      const [ask, yes] = [...control.element.querySelectorAll('button')];
      ask?.click();
      expect(onReset).not.toHaveBeenCalled();
      expect(ask?.hidden).toBe(true);
      vi.advanceTimersByTime(RESET_CONFIRM_MS);
      expect(ask?.hidden).toBe(false);
      ask?.click();
      yes?.click();
      expect(onReset).toHaveBeenCalledTimes(1);
      control.element.remove();
    } finally {
      vi.useRealTimers();
    }
  });

  it('maps the clicker keys to deck commands, letters by physical key', () => {
    const deck = {
      next: vi.fn(),
      prev: vi.fn(),
      togglePause: vi.fn(),
      slide: vi.fn(),
      getTotalSlides: () => 40,
    };
    const run = (key: string, code = '', shiftKey = false): void =>
      keyCommand({ key, code, shiftKey })?.(deck as never);
    run('ArrowRight');
    run('PageDown');
    run(' ');
    run(' ', 'Space', true);
    run('и', 'KeyB');
    run('ю', 'Period');
    run('End');
    expect(deck.next).toHaveBeenCalledTimes(3);
    expect(deck.prev).toHaveBeenCalledTimes(1);
    expect(deck.togglePause).toHaveBeenCalledTimes(2);
    expect(deck.slide).toHaveBeenCalledWith(39);
    expect(keyCommand({ key: 'x', code: 'KeyX', shiftKey: false })).toBeNull();
  });
});
