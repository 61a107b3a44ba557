/**
 * Which view a page load shows; the one entry (src/main.ts) starts it.
 */
import { queryValue } from './query.ts';

/** Which page a URL asks for: the presentation, the reading view (`?view=read`) or its print
 * form for the PDF handout (`?view=print`). */
export type ViewMode = 'deck' | 'read' | 'print';

/** Reads the view mode from a URL query string; anything unknown is the presentation. */
export function viewModeFrom(search: string): ViewMode {
  const view = queryValue(search, 'view');
  return view === 'read' || view === 'print' ? view : 'deck';
}
