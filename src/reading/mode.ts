/** Which page a URL asks for: the presentation, the reading view (`?view=read`) or its print
 * form for the PDF handout (`?view=print`). */
export type ViewMode = 'deck' | 'read' | 'print';

/** Reads the view mode from a URL query string; anything unknown is the presentation. */
export function viewModeFrom(search: string): ViewMode {
  const view = new URLSearchParams(search).get('view');
  return view === 'read' || view === 'print' ? view : 'deck';
}

/** True when the URL asks for the reading view or its print form instead of the presentation. */
export function readingViewRequested(search: string): boolean {
  return viewModeFrom(search) !== 'deck';
}
