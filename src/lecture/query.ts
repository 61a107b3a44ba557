/**
 * Reads one parameter of a URL query string the way URLSearchParams does, without it: the shared
 * lecture modules stay plain ECMAScript (no DOM, no Node), so the page's callers hand them
 * `location.search` as text.
 */

/** `+` is a space; a malformed escape (`%zz`) is kept as written rather than refused. */
function decode(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** The first value of `name` in `search` ("?a=1&b=2" or "a=1"), decoded; null when absent. */
export function queryValue(search: string, name: string): string | null {
  const query = search.startsWith('?') ? search.slice(1) : search;
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    if (decode(eq < 0 ? pair : pair.slice(0, eq)) === name)
      return eq < 0 ? '' : decode(pair.slice(eq + 1));
  }
  return null;
}
