/**
 * UTF-8 encoding without TextEncoder (the pure broker core has no DOM or Node types). Redis works
 * on bytes, so glob matching and lengths are computed over these bytes.
 */

/** True when every UTF-16 unit is ASCII, so the string's bytes are its char codes. */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * The UTF-8 bytes of `text`. A lone surrogate becomes U+FFFD (EF BF BD), exactly as TextEncoder
 * and Node's Buffer do, so the model sees the bytes a real client would send.
 */
export function utf8Bytes(text: string): Uint8Array {
  if (isAscii(text)) {
    const ascii = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) ascii[i] = text.charCodeAt(i);
    return ascii;
  }
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else cp = 0xfffd;
    } else if (cp >= 0xdc00 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000)
      out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else
      out.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 0x3f),
        0x80 | ((cp >> 6) & 0x3f),
        0x80 | (cp & 0x3f),
      );
  }
  return Uint8Array.from(out);
}
