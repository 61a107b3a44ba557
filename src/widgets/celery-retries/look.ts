/** Colour and shape of every task state and run outcome: the picture never relies on colour alone. */
import type { ResultState } from './replay.ts';
import type { RunOutcome } from './layout.ts';

/** The states AsyncResult.state can return here, in the order the widget lists them. */
export const STATE_ORDER: readonly ResultState[] = [
  'PENDING',
  'STARTED',
  'RETRY',
  'SUCCESS',
  'FAILURE',
];

/** Each state's glyph, colour (≥ 4.5:1 on white) and Russian gloss. */
export const STATE_LOOK: Readonly<
  Record<ResultState, { glyph: string; colour: string; gloss: string }>
> = {
  PENDING: { glyph: '○', colour: '#5b6470', gloss: 'ждёт' },
  STARTED: { glyph: '▶', colour: '#0b5cad', gloss: 'выполняется' },
  RETRY: { glyph: '↻', colour: '#8a5a00', gloss: 'ждёт повтора' },
  SUCCESS: { glyph: '✓', colour: '#1e7a3c', gloss: 'готово' },
  FAILURE: { glyph: '✗', colour: '#b3261e', gloss: 'ошибка' },
};

/** How a run bar looks: fill, the glyph at its end and the words for it. */
export const RUN_LOOK: Readonly<Record<RunOutcome, { fill: string; glyph: string; text: string }>> =
  {
    running: { fill: '#0b5cad', glyph: '▶', text: 'выполняется' },
    ok: { fill: '#1e7a3c', glyph: '✓', text: 'успех' },
    error: { fill: '#b3261e', glyph: '✗', text: 'исключение' },
    killed: { fill: '#5b6470', glyph: '✕', text: 'воркер убит' },
  };

/** The countdown (ETA) wait and queue wait colour. */
export const WAIT_COLOUR = '#8a5a00';
