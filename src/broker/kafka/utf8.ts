/**
 * UTF-8 encoding as Java's String.getBytes(StandardCharsets.UTF_8), which Kafka's StringSerializer
 * uses for keys. The broker core has no TextEncoder (no DOM/Node lib), so this is written out.
 */

/**
 * Encodes a JS string (UTF-16) to UTF-8. An unpaired surrogate becomes '?' (0x3F), as Java's
 * encoder replaces malformed input (TextEncoder would write U+FFFD instead: a different key hash).
 */
export function utf8Encode(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  return out.slice(0, utf8EncodeInto(text, out));
}

/** Writes `text` as UTF-8 into `out` (room for text.length × 3 bytes); returns the byte count. */
export function utf8EncodeInto(text: string, out: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
    } else if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        out[n++] = 0xf0 | (c >> 18);
        out[n++] = 0x80 | ((c >> 12) & 0x3f);
        out[n++] = 0x80 | ((c >> 6) & 0x3f);
        out[n++] = 0x80 | (c & 0x3f);
      } else {
        out[n++] = 0x3f;
      }
    } else {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 0x3f);
      out[n++] = 0x80 | (c & 0x3f);
    }
  }
  return n;
}

/** Byte length of utf8Encode(text), without encoding. */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // A surrogate pair: 2 UTF-16 units, 4 bytes. A lone surrogate stays 1 byte ('?').
      if (next >= 0xdc00 && next <= 0xdfff) {
        n += 2;
        i++;
      }
    } else if (c < 0xd800 || c > 0xdfff) n += 2;
  }
  return n;
}
