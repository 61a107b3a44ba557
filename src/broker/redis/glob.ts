/**
 * Redis's glob matcher for PSUBSCRIBE (and KEYS/SCAN), ported byte-by-byte from `stringmatchlen`
 * in Redis's src/util.c (BSD-3-Clause), the version with the CVE-2022-36021 fix
 * (`skipLongerMatches`, redis/redis#11858) and the CVE-2024-31228 nesting limit, as shipped in
 * Redis 7.0.15 (Debian 7.0.15-1~deb12u*):
 * https://github.com/redis/redis/blob/7.0.15/src/util.c (stringmatchlen_impl).
 * Redis compares bytes, not characters: `?` eats one byte of a multi-byte UTF-8 character, and
 * class ranges compare `char`s, which are signed on x86-64, so bytes 0x80–0xFF sort below ASCII.
 */
import { utf8Bytes } from './utf8.ts';

const STAR = 0x2a; // *
const QUESTION = 0x3f; // ?
const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const CARET = 0x5e; // ^
const DASH = 0x2d; // -
const BACKSLASH = 0x5c; // \

/** Redis gives up (no match) past this recursion depth (CVE-2024-31228). */
const NESTING_LIMIT = 1000;

/**
 * Byte at `i` (i >= 0); reading past the end yields 0, the NUL that ends every sds string. The
 * loops only read inside their `plen`/`slen`, where this is the plain byte.
 */
function byteAt(bytes: Uint8Array, i: number): number {
  return bytes[i] ?? 0;
}

/** C `char` on x86-64 is signed: what `int start = pattern[0]` sees. */
function signedChar(byte: number): number {
  return (byte << 24) >> 24;
}

interface Skip {
  longer: boolean;
}

// Every sub-pattern is a suffix of the whole pattern, so `pi + plen` is always the pattern's end
// and `byteAt` past it mirrors C reading the terminating NUL.
function matchFrom(
  p: Uint8Array,
  pi: number,
  plen: number,
  s: Uint8Array,
  si: number,
  slen: number,
  skip: Skip,
  nesting: number,
): boolean {
  if (nesting > NESTING_LIMIT) return false;
  while (plen > 0 && slen > 0) {
    const pc = byteAt(p, pi);
    if (pc === STAR) {
      while (plen > 0 && byteAt(p, pi + 1) === STAR) {
        pi++;
        plen--;
      }
      if (plen === 1) return true;
      while (slen > 0) {
        if (matchFrom(p, pi + 1, plen - 1, s, si, slen, skip, nesting + 1)) return true;
        // The rest of the pattern matched nowhere in a longer tail, so it cannot in this one.
        if (skip.longer) return false;
        si++;
        slen--;
      }
      skip.longer = true;
      return false;
    } else if (pc === QUESTION) {
      si++;
      slen--;
    } else if (pc === OPEN) {
      pi++;
      plen--;
      const not = plen > 0 && p[pi] === CARET;
      if (not) {
        pi++;
        plen--;
      }
      let match = false;
      const sc = byteAt(s, si);
      for (;;) {
        if (plen >= 2 && p[pi] === BACKSLASH) {
          pi++;
          plen--;
          if (p[pi] === sc) match = true;
        } else if (plen === 0) {
          // Unterminated class: step back so the shared `pi++` below lands on the end.
          pi--;
          plen++;
          break;
        } else if (p[pi] === CLOSE) {
          break;
        } else if (plen >= 3 && p[pi + 1] === DASH) {
          let start = signedChar(byteAt(p, pi));
          let end = signedChar(byteAt(p, pi + 2));
          const c = signedChar(sc);
          if (start > end) {
            const t = start;
            start = end;
            end = t;
          }
          pi += 2;
          plen -= 2;
          if (c >= start && c <= end) match = true;
        } else if (p[pi] === sc) {
          match = true;
        }
        pi++;
        plen--;
      }
      if (not) match = !match;
      if (!match) return false;
      si++;
      slen--;
    } else {
      if (pc === BACKSLASH && plen >= 2) {
        pi++;
        plen--;
      }
      if (p[pi] !== s[si]) return false;
      si++;
      slen--;
    }
    pi++;
    plen--;
    if (slen === 0) {
      while (plen > 0 && p[pi] === STAR) {
        pi++;
        plen--;
      }
      break;
    }
  }
  return plen === 0 && slen === 0;
}

/** Redis's `stringmatchlen(pattern, channel, nocase=0)` over raw bytes. */
export function redisGlobMatchesBytes(pattern: Uint8Array, channel: Uint8Array): boolean {
  return matchFrom(pattern, 0, pattern.length, channel, 0, channel.length, { longer: false }, 0);
}

/**
 * Whether a PSUBSCRIBE `pattern` matches `channel`, exactly as Redis 7 decides it; both strings
 * are compared as the UTF-8 bytes a client sends.
 */
export function redisGlobMatches(pattern: string, channel: string): boolean {
  return redisGlobMatchesBytes(utf8Bytes(pattern), utf8Bytes(channel));
}
