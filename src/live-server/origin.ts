/**
 * Which WebSocket upgrades the lecture server accepts: a browser page only from this server's own
 * origin, so another site open on a phone cannot drive the lecture, and only under an IP address
 * or a name the server knows, so a rebound DNS name (evil.example → 192.168.1.5) cannot pose as it.
 */
import { isIP } from 'node:net';

/** The host name in a Host header or an origin's host (`[::1]:8080` → `::1`), lower case. */
function hostname(host: string): string | undefined {
  try {
    return new URL(`http://${host}`).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * True when an upgrade with this `Origin` and `Host` may open: no Origin (not a browser: it
 * cannot be made to connect by a web page), or an http(s) origin whose host is the Host header
 * and names an IP address, `localhost` or one of `names`.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  host: string | undefined,
  names: ReadonlySet<string> = new Set(),
): boolean {
  if (origin === undefined) return true;
  if (host === undefined) return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.host.toLowerCase() !== host.toLowerCase()) return false;
  const name = hostname(host);
  if (name === undefined) return false;
  return isIP(name) !== 0 || name === 'localhost' || names.has(name);
}
