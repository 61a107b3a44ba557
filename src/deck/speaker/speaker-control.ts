/**
 * What the live lecturer's bridge (src/deck/live-lecturer.ts) may reach in the speaker view: the
 * lecture timer (the remote shows it, and pauses and resumes it) and, while the window is open,
 * a panel in it for the hall's votes. The speaker view registers itself here; without live mode
 * nobody reads it.
 */

/** The lecture timer as the remote sees it. */
export interface SpeakerTimer {
  /** Lecture time run so far, ms. */
  readonly elapsed: number;
  readonly running: boolean;
}

export interface SpeakerControl {
  timer(): SpeakerTimer | undefined;
  /** Pauses the timer (as «Пауза на вопросы»); resume runs it again. */
  pause(): void;
  resume(): void;
  /** The live panel's box in the speaker window while it is open. */
  panel(): HTMLElement | undefined;
}

let control: SpeakerControl | undefined;
const listeners = new Set<() => void>();

/** The speaker view registers (or, with undefined, withdraws) itself. */
export function setSpeakerControl(next: SpeakerControl | undefined): void {
  control = next;
}

/** The speaker view, if one is bound. */
export function speakerControl(): SpeakerControl | undefined {
  return control;
}

/** Called whenever the speaker window opened or the timer changed (the live bridge redraws). */
export function onSpeakerChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The speaker view says something changed. */
export function speakerChanged(): void {
  for (const listener of listeners) listener();
}
