/**
 * A compiled topic exchange: the bindings folded into a word trie, as RabbitMQ's own topic
 * exchange stores them, so routing costs about the number of words in the key, not the number
 * of bindings. A derived cache, never part of the serialisable state.
 */
import { splitTopicKey } from './topic.ts';

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  star: TrieNode | undefined;
  hash: TrieNode | undefined;
  /** For `#` nodes: a number unique within the router, to remember which (node, word) pairs were walked. */
  readonly id: number;
  /** Indexes into the destination list of bindings that end at this node. */
  readonly ends: number[];
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
  const newNode = (isHash = false): TrieNode => ({
    children: new Map(),
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
        let child = node.children.get(word);
        if (!child) node.children.set(word, (child = newNode()));
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
        found.push(destinations[index] as string);
      }
    }
  };
  const walk = (node: TrieNode, words: readonly string[], i: number): void => {
    if (node.hash) {
      // `#` may swallow zero or more of the remaining words.
      const hash = node.hash;
      const base = hash.id * (width <= MAX_WIDTH ? MAX_WIDTH : width);
      for (let k = i; k <= words.length; k++) {
        if (firstWalk(base + k)) walk(hash, words, k);
      }
    }
    if (i === words.length) {
      collect(node);
      return;
    }
    const word = words[i] as string;
    const child = node.children.get(word);
    if (child) walk(child, words, i + 1);
    if (node.star) walk(node.star, words, i + 1);
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
      const words = splitTopicKey(routingKey);
      width = words.length + 1;
      walk(root, words, 0);
      return found;
    },
  };
}
