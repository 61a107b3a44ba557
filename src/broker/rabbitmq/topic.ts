/**
 * Topic exchange matching exactly as RabbitMQ 3.x does it (rabbit_exchange_type_topic): a key is
 * split on '.' into words, the empty key being zero words; in a binding key the whole words `*`
 * (exactly one word, possibly empty) and `#` (zero or more words) are wildcards, anything else,
 * `a*` included, is a literal word.
 */

/** Splits a routing or binding key into words as RabbitMQ's split_topic_key: '' → [], 'a..' → ['a', '', '']. */
export function splitTopicKey(key: string): string[] {
  return key === '' ? [] : key.split('.');
}

/**
 * Whether `routingKey` matches the topic binding key `bindingKey`. Linear-ish: a greedy scan that
 * only ever backtracks to the last `#` (runs of `#` are collapsed first), so the worst case is
 * O(words(binding) × words(routing)) and never exponential.
 */
export function topicMatches(bindingKey: string, routingKey: string): boolean {
  if (bindingKey === '#') return true;
  return wordsMatch(splitTopicKey(bindingKey), splitTopicKey(routingKey));
}

/** Glob matching over word arrays; `pattern` may contain `*` and `#` words. */
export function wordsMatch(pattern: readonly string[], words: readonly string[]): boolean {
  const m = pattern.length;
  const n = words.length;
  let p = 0;
  let w = 0;
  // Where the last `#` was seen in the pattern, and the word it is currently assumed to end before.
  let hashAt = -1;
  let hashWord = 0;
  while (w < n) {
    const pw = p < m ? pattern[p] : undefined;
    if (pw === '#') {
      // `#.#` is the same as `#`: skip the run so that backtracking stays single-level.
      while (p < m && pattern[p] === '#') p++;
      hashAt = p;
      hashWord = w;
      continue;
    }
    if (pw !== undefined && (pw === '*' || pw === words[w])) {
      p++;
      w++;
      continue;
    }
    if (hashAt < 0) return false;
    // Let the last `#` swallow one more word and retry the rest of the pattern from there.
    hashWord++;
    w = hashWord;
    p = hashAt;
  }
  while (p < m && pattern[p] === '#') p++;
  return p === m;
}
