/**
 * The speaker view as a reveal.js plugin (`{ id, init, destroy }`), so the deck's config is the
 * one place that switches it on. Replaces reveal's English notes window on `S`.
 */
import { readLectureLength } from '../../lecture/lecture-length.ts';
import type { RevealApi } from '../reveal-api.ts';
import { bindSpeakerView } from './speaker.ts';

/** A fresh speaker-view plugin; the lecture length comes from `?minutes=` like the plan's. */
export function SpeakerViewPlugin(): {
  id: string;
  init(deck: RevealApi): void;
  destroy(): void;
} {
  let unbind: (() => void) | undefined;
  return {
    id: 'speaker-view',
    init(deck) {
      // main.ts already warned about a bad ?minutes= in the console; the window says it too.
      const { minutes, problem } = readLectureLength(window.location.search);
      unbind = bindSpeakerView(deck, { lectureMinutes: minutes, lengthProblem: problem });
    },
    destroy() {
      unbind?.();
    },
  };
}
