/**
 * Which view a page load shows; the one entry (src/main.ts) starts it.
 */
import { queryValue } from './query.ts';

/**
 * What a URL asks for: the presentation, the reading view (`?view=read`), its print form for the
 * PDF handout (`?view=print`), or, from the lecture server (`npm run live`), a student's phone
 * following the lecturer (`?live`) or the lecturer's phone as a remote (`?live&remote=KEY`). The
 * lecturer's own deck is the presentation with `?live&key=KEY`.
 */
export type ViewMode = 'deck' | 'read' | 'print' | 'follow' | 'remote';

/** The role a page has in live mode, or undefined without `?live`. */
export type LivePageRole = 'lecturer' | 'follower' | 'remote';

/** Reads the live role from a URL query string: `?live` with `key=`, `remote=` or neither. */
export function liveRoleFrom(search: string): LivePageRole | undefined {
  if (queryValue(search, 'live') === null) return undefined;
  if (queryValue(search, 'remote')) return 'remote';
  if (queryValue(search, 'key')) return 'lecturer';
  return 'follower';
}

/** Reads the view mode from a URL query string; anything unknown is the presentation. */
export function viewModeFrom(search: string): ViewMode {
  const live = liveRoleFrom(search);
  if (live === 'follower') return 'follow';
  if (live === 'remote') return 'remote';
  const view = queryValue(search, 'view');
  return view === 'read' || view === 'print' ? view : 'deck';
}
