/**
 * The speaker view as a reveal.js plugin (`{ id, init, destroy }`), so the deck's config is the
 * one place that switches it on. Replaces reveal's English notes window on `S`.
 */
import { lectureMinutesFrom } from '../lecture-length.ts';
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
      // main.ts already warned about a bad ?minutes=; read it quietly here.
      const lectureMinutes = lectureMinutesFrom(window.location.search, () => undefined);
      unbind = bindSpeakerView(deck, { lectureMinutes });
    },
    destroy() {
      unbind?.();
    },
  };
}
