import { describe, expect, it } from 'vitest';
import { wantsServiceWorker } from '../../../src/page/service-worker.ts';

const worker = { serviceWorker: {} as ServiceWorkerContainer };

describe('service worker registration', () => {
  it('registers in the served site build (http and https)', () => {
    expect(wantsServiceWorker(true, { protocol: 'https:' }, worker)).toBe(true);
    expect(wantsServiceWorker(true, { protocol: 'http:' }, worker)).toBe(true);
  });

  it('never registers from file://, outside the site build or without support', () => {
    expect(wantsServiceWorker(true, { protocol: 'file:' }, worker)).toBe(false);
    expect(wantsServiceWorker(false, { protocol: 'http:' }, worker)).toBe(false);
    expect(wantsServiceWorker(true, { protocol: 'https:' }, {})).toBe(false);
  });
});
