/**
 * A compiled topic exchange: the bindings folded into a word trie, as RabbitMQ's own topic
 * exchange stores them, so routing costs about the number of words in the key, not the number
 * of bindings. A derived cache, never part of the serialisable state.
 */
import { splitTopicKey } from './topic.ts';

interface TrieNode {
  /** Literal-word children by wordHash (colliding words chain through `sibling`). */
  readonly children: Map<number, TrieNode>;
  /** The literal word that leads here from the parent ('' for the root and wildcards). */
  readonly word: string;
  sibling: TrieNode | undefined;
  star: TrieNode | undefined;
  hash: TrieNode | undefined;
  /** For `#` nodes: a number unique within the router, to remember which (node, word) pairs were walked. */
  readonly id: number;
  /** Indexes into the destination list of bindings that end at this node. */
  readonly ends: number[];
}

/** FNV-1a over UTF-16 code units of text[start, end): the key of a literal word in the trie. */
function wordHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

// The routing key being matched, split without allocating: word i is key[starts[i], ends[i]),
// its trie key hashes[i]. Shared scratch: a match runs start to end without yielding, and every
// match splits its own key first, so routers never see each other's words.
let key = '';
let count = 0;
const starts: number[] = [];
const ends: number[] = [];
const hashes: number[] = [];

/** Splits as RabbitMQ's split_topic_key: '' is zero words, otherwise one more word than dots. */
function splitKey(routingKey: string): void {
  key = routingKey;
  count = 0;
  if (routingKey === '') return;
  let start = 0;
  for (;;) {
    const dot = routingKey.indexOf('.', start);
    const end = dot < 0 ? routingKey.length : dot;
    starts[count] = start;
    ends[count] = end;
    hashes[count] = wordHash(routingKey, start, end);
    count++;
    if (dot < 0) return;
    start = dot + 1;
  }
}

/** The literal child of `node` for word i of the split key, if any. */
function childFor(node: TrieNode, i: number): TrieNode | undefined {
  // Callers keep i < count, so the words are there: read once, narrow, no cast.
  const start = starts[i];
  const end = ends[i];
  const hash = hashes[i];
  if (start === undefined || end === undefined || hash === undefined) {
    throw new RangeError(`topic router: no word ${i} in '${key}' (${count} words)`);
  }
  const length = end - start;
  let c = node.children.get(hash);
  while (c && !(c.word.length === length && key.startsWith(c.word, start))) c = c.sibling;
  return c;
}

/** One topic binding: a binding key and the destination it leads to. */
export interface TopicBindingSpec {
  readonly bindingKey: string;
  readonly destination: string;
}

/** A topic exchange's bindings compiled for fast matching; `match` is pure and reentrant-safe. */
export interface TopicRouter {
  /** Destinations whose binding matches `routingKey`, each once, in a fixed (trie walk) order; a fresh array. */
  match(routingKey: string): string[];
}

/** Compiles topic bindings into a trie router (runs of `#` collapse: `#.#` ≡ `#`). */
export function compileTopicRouter(bindings: readonly TopicBindingSpec[]): TopicRouter {
  let hashNodes = 0;
  const newNode = (isHash = false, word = ''): TrieNode => ({
    children: new Map(),
    word,
    sibling: undefined,
    star: undefined,
    hash: undefined,
    id: isHash ? hashNodes++ : -1,
    ends: [],
  });
  const root = newNode();
  const destinations: string[] = [];
  const indexOf = new Map<string, number>();
  for (const binding of bindings) {
    let index = indexOf.get(binding.destination);
    if (index === undefined) {
      index = destinations.length;
      destinations.push(binding.destination);
      indexOf.set(binding.destination, index);
    }
    let node = root;
    let previous: string | undefined;
    for (const word of splitTopicKey(binding.bindingKey)) {
      if (word === '#' && previous === '#') continue;
      previous = word;
      if (word === '#') node = node.hash ??= newNode(true);
      else if (word === '*') node = node.star ??= newNode();
      else {
        const hash = wordHash(word, 0, word.length);
        const first = node.children.get(hash);
        let child = first;
        while (child && child.word !== word) child = child.sibling;
        if (!child) {
          child = newNode(false, word);
          child.sibling = first;
          node.children.set(hash, child);
        }
        node = child;
      }
    }
    if (!node.ends.includes(index)) node.ends.push(index);
  }
  // Per-router scratch: a stamp per destination makes "one copy per queue" a constant-time check.
  const seen = new Uint32Array(destinations.length);
  let stamp = 0;
  let found: string[] = [];
  // (`#` node, word index) pairs already walked during this match: every later node is reached
  // deterministically from such a pair, so this bounds a match by nodes × words, even for
  // patterns like `#.a.#.a.#…` that would otherwise explode combinatorially. A stamped array
  // serves keys up to AMQP's 255 bytes (≤ 128 words) without allocating; longer ones use a Set.
  const MAX_WIDTH = 129;
  const walkedStamp = new Uint32Array(hashNodes * MAX_WIDTH);
  let walkedSet: Set<number> | undefined;
  let width = 0;
  const firstWalk = (key: number): boolean => {
    if (width <= MAX_WIDTH) {
      if (walkedStamp[key] === stamp) return false;
      walkedStamp[key] = stamp;
      return true;
    }
    walkedSet ??= new Set();
    if (walkedSet.has(key)) return false;
    walkedSet.add(key);
    return true;
  };

  const collect = (node: TrieNode): void => {
    for (const index of node.ends) {
      if (seen[index] !== stamp) {
        seen[index] = stamp;
        const destination = destinations[index];
        if (destination === undefined)
          throw new RangeError(`topic router: no destination ${index}`);
        found.push(destination);
      }
    }
  };
  const walk = (node: TrieNode, i: number): void => {
    if (node.hash) {
      // `#` may swallow zero or more of the remaining words.
      const hash = node.hash;
      const base = hash.id * (width <= MAX_WIDTH ? MAX_WIDTH : width);
      for (let k = i; k <= count; k++) {
        if (firstWalk(base + k)) walk(hash, k);
      }
    }
    if (i === count) {
      collect(node);
      return;
    }
    if (node.children.size > 0) {
      const child = childFor(node, i);
      if (child) walk(child, i + 1);
    }
    if (node.star) walk(node.star, i + 1);
  };

  return {
    match(routingKey: string): string[] {
      stamp = (stamp + 1) >>> 0;
      if (stamp === 0) {
        seen.fill(0);
        walkedStamp.fill(0);
        stamp = 1;
      }
      found = [];
      walkedSet = undefined;
      splitKey(routingKey);
      width = count + 1;
      walk(root, 0);
      key = '';
      return found;
    },
  };
}
