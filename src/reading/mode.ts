/** True when the URL asks for the reading view (`?view=read`) instead of the presentation. */
export function readingViewRequested(search: string): boolean {
  return new URLSearchParams(search).get('view') === 'read';
}
