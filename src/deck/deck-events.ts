/** Subscribing to reveal.js events as a set, so what is bound is unbound the same way. */
import type { RevealApi } from './reveal-api.ts';

/** Listeners by reveal.js event name. */
export type DeckListeners = Readonly<Record<string, EventListener>>;

/** Binds every listener of `listeners` on `deck`; returns a function that unbinds them all. */
export function onDeckEvents(deck: RevealApi, listeners: DeckListeners): () => void {
  const entries = Object.entries(listeners);
  for (const [event, listener] of entries) deck.on(event, listener);
  return () => {
    for (const [event, listener] of entries) deck.off(event, listener);
  };
}
