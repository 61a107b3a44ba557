/**
 * A widget's state in a link (issue 15): which widget on the slide, its story, its step and the
 * student's action log, written after the slide's anchor as `#/s-17?w=1.<data>` (the deck) or
 * `#s-17?w=1.<data>` (the reading view). `<data>` is the state as compact JSON, deflated and in
 * base64url; the `1.` before it is the format's version, and every version keeps its decoder.
 * Pure (no DOM): the views take the anchor apart, restore through the kit, and show the messages.
 *
 * A link is data from anyone: its size is limited before and after inflating, its shape is
 * checked here, and its actions still go through the widget's own `act` when restored.
 */
import { WIDGETS, isWidgetName, type WidgetName } from '../../lecture/names.ts';
import { own } from '../../broker/core/record.ts';
import { MAX_ACTIONS } from './timeline.ts';

/** What a link says about one widget instance. */
export interface SharedWidget {
  readonly widget: WidgetName;
  /** The widget's index among its slide's widget slots (slide 41 has two). */
  readonly slot: number;
  readonly story: string;
  readonly step: number;
  /** The student's actions, plain JSON data, in order. */
  readonly actions: readonly unknown[];
}

/** A decoded link, or why it cannot be opened (Russian, plain text). */
export type Decoded =
  | { readonly ok: true; readonly state: SharedWidget }
  | { readonly ok: false; readonly message: string };

/** The format new links are written in. */
export const SHARE_VERSION = '1';
/** The key after the anchor: `#/s-17?w=…`. */
export const SHARE_KEY = 'w';
/** Longest `<data>` a link may carry, in characters (400 long actions take about 6 000). */
export const MAX_SHARE_CHARS = 16_000;
/** Largest state once inflated, in bytes: a link cannot inflate into a freeze. */
export const MAX_SHARE_JSON_BYTES = 256 * 1024;

const NOTE_START = 'Виджет показан с начала истории.';
export const SHARE_MESSAGES = {
  damaged: `Ссылка на состояние виджета повреждена или обрезана. ${NOTE_START}`,
  // A getter: the page loads this module before the first slide, and the first 'ru-RU' Intl
  // call loads Chromium's CLDR data (10–18 ms of the main thread), not needed until a link fails.
  get tooLong(): string {
    return `Ссылка на состояние виджета длиннее ${MAX_SHARE_CHARS.toLocaleString('ru-RU')} знаков — такую не открываем. ${NOTE_START}`;
  },
  newer: (version: string) =>
    `Ссылка сделана другой версией лекции (формат ${version}), эта версия её не читает. ${NOTE_START}`,
  otherWidget: `Ссылка ведёт к виджету, которого на этом слайде нет. ${NOTE_START}`,
} as const;

/** The anchor of a hash and the shared state after it, if any: `#/s-17?w=1.x` → `#/s-17`, `1.x`. */
export interface ShareHash {
  readonly anchor: string;
  /** The slide's section number the anchor names (`s-17`), if it names one. */
  readonly section: number | undefined;
  readonly payload: string | undefined;
}

/** Splits `hash` (with its `#`) into the slide's anchor and the shared state, if any. */
export function splitShareHash(hash: string): ShareHash {
  const at = hash.indexOf(`?${SHARE_KEY}=`);
  const anchor = at < 0 ? hash : hash.slice(0, at);
  const payload = at < 0 ? undefined : hash.slice(at + SHARE_KEY.length + 2);
  const section = /^#\/?s-(\d{1,3})(?:\/|$)/.exec(anchor)?.[1];
  return { anchor, section: section === undefined ? undefined : Number(section), payload };
}

/** The hash that opens `payload` on section `section`: the deck's `#/s-N` or the reading view's `#s-N`. */
export function shareHash(section: number, payload: string, view: 'deck' | 'read'): string {
  return `#${view === 'deck' ? '/' : ''}s-${section}?${SHARE_KEY}=${payload}`;
}

/** The link's `<data>` for `state`, in the current format. */
export async function encodeShare(state: SharedWidget): Promise<string> {
  const json = JSON.stringify(
    { w: state.widget, i: state.slot, s: state.story, n: state.step, a: state.actions },
    (_key, value: unknown) => (value instanceof Map ? { [MAP_TAG]: [...value] } : value),
  );
  return `${SHARE_VERSION}.${toBase64Url(await deflate(new TextEncoder().encode(json)))}`;
}

type Decoder = (data: string) => Promise<Decoded>;

/** One decoder per format ever written; a new format adds a line and keeps the old ones. */
const DECODERS: Readonly<Record<string, Decoder>> = { '1': decodeV1 };

/** The state a link's `<data>` carries, or a message; never throws, whatever `payload` is. */
export async function decodeShare(payload: string): Promise<Decoded> {
  if (payload.length > MAX_SHARE_CHARS) return { ok: false, message: SHARE_MESSAGES.tooLong };
  const dot = payload.indexOf('.');
  const version = dot < 0 ? '' : payload.slice(0, dot);
  const decoder = own(DECODERS, version);
  if (!decoder) {
    // A number we do not know is another version's link; anything else is not a link of ours.
    const message = /^\d{1,4}$/.test(version)
      ? SHARE_MESSAGES.newer(`«${version}»`)
      : SHARE_MESSAGES.damaged;
    return { ok: false, message };
  }
  try {
    return await decoder(payload.slice(dot + 1));
  } catch {
    return { ok: false, message: SHARE_MESSAGES.damaged };
  }
}

async function decodeV1(data: string): Promise<Decoded> {
  const bytes = await inflate(fromBase64Url(data), MAX_SHARE_JSON_BYTES);
  if (!bytes) return { ok: false, message: SHARE_MESSAGES.tooLong };
  const value: unknown = JSON.parse(
    new TextDecoder('utf-8', { fatal: true }).decode(bytes),
    (_key, value: unknown) => mapOf(value) ?? value,
  );
  const state = sharedWidgetOf(value);
  return state ? { ok: true, state } : { ok: false, message: SHARE_MESSAGES.damaged };
}

/** The v1 JSON's state when every field has its type and range; undefined otherwise. */
function sharedWidgetOf(value: unknown): SharedWidget | undefined {
  if (!isRecord(value)) return undefined;
  const { w, i, s, n, a } = {
    w: own(value, 'w'),
    i: own(value, 'i'),
    s: own(value, 's'),
    n: own(value, 'n'),
    a: own(value, 'a'),
  };
  if (typeof w !== 'string' || !isWidgetName(w)) return undefined;
  const stories: readonly string[] = WIDGETS[w].stories;
  if (typeof s !== 'string' || !stories.includes(s)) return undefined;
  if (!isIndex(i, 16) || !isIndex(n, WIDGETS[w].steps)) return undefined;
  if (!Array.isArray(a) || a.length > MAX_ACTIONS || !a.every(isRecord)) return undefined;
  return { widget: w, slot: i, story: s, step: n, actions: a };
}

/**
 * How a `Map` in an action (exchange-routing's headers) is written: `{"~map": [[key, value], …]}`.
 * JSON has no maps; an object with this one key and a list of pairs reads back as one.
 */
const MAP_TAG = '~map';

function mapOf(value: unknown): Map<unknown, unknown> | undefined {
  if (!isRecord(value) || Object.keys(value).length !== 1) return undefined;
  const entries = own(value, MAP_TAG);
  if (!Array.isArray(entries)) return undefined;
  const pairs = entries.filter((e): e is [unknown, unknown] => Array.isArray(e) && e.length === 2);
  if (pairs.length !== entries.length) throw new Error('share: a map entry is not a pair');
  return new Map(pairs);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIndex(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates `bytes`; undefined as soon as the output passes `limit` (the rest is never read). */
async function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array | undefined> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('share: not base64url');
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
