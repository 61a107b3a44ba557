/**
 * Guards for "no other host, ever": a context-wide route that aborts and records every request
 * leaving the allowed origin (the test then fails on any), and a probe that tries each way a page
 * could reach another host and returns what the Content-Security-Policy blocked.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** The requests a guard stopped. */
export interface HostGuard {
  readonly blocked: string[];
}

/** Inside the page: data:, blob:, about: and (for the one file) file: URLs. */
const LOCAL_SCHEMES = /^(data|blob|about|file):/;

/**
 * Aborts and records, for every page, popup and frame of `context`, each request to the network
 * whose origin is not `origin` (pass 'file' for the one-file build: only file:, data:, blob: and
 * about: pass), and records any such request that nevertheless completed (e.g. from a cache).
 * Requests the Content-Security-Policy refuses never reach the network and are not recorded here;
 * probeOtherHosts() checks those.
 */
export async function guardOtherHosts(context: BrowserContext, origin: string): Promise<HostGuard> {
  const blocked: string[] = [];
  const allowed = (url: string): boolean =>
    origin === 'file'
      ? LOCAL_SCHEMES.test(url)
      : /^(data|blob|about):/.test(url) || new URL(url).origin === origin;
  context.on('requestfinished', (request) => {
    if (!allowed(request.url())) blocked.push(`completed: ${request.url()}`);
  });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (allowed(url)) return route.fallback();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return { blocked };
}

/** A host that does not exist (.invalid is reserved): nothing may ever try to reach it. */
export const OTHER_HOST = 'http://other-host.invalid';

/** The CSP directives that must refuse OTHER_HOST: one per kind of load probeOtherHosts tries. */
export const OTHER_HOST_DIRECTIVES = [
  'connect-src',
  'img-src',
  'script-src-elem',
  'style-src-elem',
  'font-src',
  'frame-src',
] as const;

/**
 * Tries fetch, WebSocket, beacon, image, script, stylesheet, font and frame loads from
 * OTHER_HOST and returns the CSP directives that refused them ("connect-src", "img-src", …).
 */
export function probeOtherHosts(page: Page): Promise<string[]> {
  return page.evaluate(async (other) => {
    const refused: string[] = [];
    const record = (event: SecurityPolicyViolationEvent): void => {
      if (event.blockedURI.includes('other-host.invalid')) refused.push(event.effectiveDirective);
    };
    document.addEventListener('securitypolicyviolation', record);
    const added: Element[] = [];
    await fetch(`${other}/data.json`).catch(() => undefined);
    try {
      new WebSocket('ws://other-host.invalid/socket').close();
    } catch {
      refused.push('connect-src (thrown)');
    }
    navigator.sendBeacon(`${other}/beacon`, 'x');
    const image = new Image();
    image.src = `${other}/picture.png`;
    const script = document.createElement('script');
    script.src = `${other}/code.js`;
    const sheet = document.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = `${other}/style.css`;
    const frame = document.createElement('iframe');
    frame.src = `${other}/page.html`;
    document.head.append(script, sheet);
    document.body.append(frame);
    added.push(script, sheet, frame);
    await new FontFace('Other', `url(${other}/font.woff2)`).load().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const element of added) element.remove();
    document.removeEventListener('securitypolicyviolation', record);
    return [...new Set(refused)].sort();
  }, OTHER_HOST);
}
