/**
 * The student's controls: play/pause, step back and forward, reset, speed. Keyboard operable
 * (real buttons and a select); the runtime drives what they do.
 */
import { h } from './dom.ts';
import { WIDGET_CLASS } from './classes.ts';
import type { Disposer } from './disposer.ts';

export interface ControlsCallbacks {
  onPlayToggle(): void;
  onStep(delta: 1 | -1): void;
  onReset(): void;
  onSpeed(speed: number): void;
}

export interface Controls {
  readonly element: HTMLElement;
  /** Reflects playing state and whether back/forward are possible. */
  update(state: { playing: boolean; step: number; stepCount: number }): void;
}

export const SPEEDS = [0.5, 1, 2] as const;

/** Builds the toolbar; listeners are registered with the disposer. */
export function createControls(disposer: Disposer, callbacks: ControlsCallbacks): Controls {
  const button = (name: string, label: string, text: string) =>
    h('button', { type: 'button', name, class: WIDGET_CLASS.button, 'aria-label': label }, text);
  const play = button('play', 'Пуск', '▶ Пуск');
  const back = button('step-back', 'Шаг назад', '◀ Шаг');
  const forward = button('step-forward', 'Шаг вперёд', 'Шаг ▶');
  const reset = button('reset', 'Сначала', '⟲ Сначала');
  const speed = h('select', { name: 'speed', 'aria-label': 'Скорость' });
  for (const value of SPEEDS) {
    const option = h('option', { value: String(value) }, `${String(value).replace('.', ',')}×`);
    option.selected = value === 1;
    speed.append(option);
  }
  disposer.listen(play, 'click', () => callbacks.onPlayToggle());
  disposer.listen(back, 'click', () => callbacks.onStep(-1));
  disposer.listen(forward, 'click', () => callbacks.onStep(1));
  disposer.listen(reset, 'click', () => callbacks.onReset());
  // A value that is not an option (set from outside) goes back to the speed in use: a speed of
  // NaN or 0 would give every animation a non-finite duration, which animate() throws on.
  let current = 1;
  disposer.listen(speed, 'change', () => {
    const value = SPEEDS.find((s) => String(s) === speed.value);
    if (value === undefined) {
      speed.value = String(current);
      return;
    }
    current = value;
    callbacks.onSpeed(value);
  });
  const element = h(
    'div',
    { class: WIDGET_CLASS.toolbar, role: 'toolbar', 'aria-label': 'Управление анимацией' },
    play,
    back,
    forward,
    reset,
    speed,
  );
  return {
    element,
    update({ playing, step, stepCount }) {
      play.textContent = playing ? '⏸ Пауза' : '▶ Пуск';
      play.setAttribute('aria-label', playing ? 'Пауза' : 'Пуск');
      play.setAttribute('aria-pressed', String(playing));
      back.disabled = step <= 0;
      forward.disabled = step >= stepCount;
    },
  };
}
