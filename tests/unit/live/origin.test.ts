import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from '../../../src/live-server/origin.ts';

describe('isAllowedOrigin', () => {
  it('accepts a page of this server under an IP address or localhost', () => {
    expect(isAllowedOrigin('http://192.168.1.5:8080', '192.168.1.5:8080')).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:8080', '127.0.0.1:8080')).toBe(true);
    expect(isAllowedOrigin('http://localhost:8080', 'LOCALHOST:8080')).toBe(true);
    expect(isAllowedOrigin('http://[::1]:8080', '[::1]:8080')).toBe(true);
    expect(
      isAllowedOrigin('http://laptop.local:8080', 'laptop.local:8080', new Set(['laptop.local'])),
    ).toBe(true);
  });

  it('accepts a client that is not a browser (no Origin)', () => {
    expect(isAllowedOrigin(undefined, '192.168.1.5:8080')).toBe(true);
    expect(isAllowedOrigin(undefined, undefined)).toBe(true);
  });

  it("refuses another site's page, another port, a rebound name and odd origins", () => {
    expect(isAllowedOrigin('http://evil.example', '192.168.1.5:8080')).toBe(false);
    expect(isAllowedOrigin('http://192.168.1.5:9999', '192.168.1.5:8080')).toBe(false);
    // DNS rebinding: evil.example resolves to the laptop, so Origin and Host agree.
    expect(isAllowedOrigin('http://evil.example:8080', 'evil.example:8080')).toBe(false);
    expect(isAllowedOrigin('null', '192.168.1.5:8080')).toBe(false);
    expect(isAllowedOrigin('file:///tmp/x.html', '192.168.1.5:8080')).toBe(false);
    expect(isAllowedOrigin('http://192.168.1.5:8080', undefined)).toBe(false);
  });
});
