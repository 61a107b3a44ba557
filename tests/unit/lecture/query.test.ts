/** queryValue reads `?minutes=` and `?view=` as URLSearchParams would, without the platform API. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryValue } from '../../../src/lecture/query.ts';
import { viewModeFrom } from '../../../src/lecture/view-mode.ts';

describe('queryValue', () => {
  it.each([
    ['', 'minutes', null],
    ['?minutes=60', 'minutes', '60'],
    ['minutes=60', 'minutes', '60'],
    ['?view=read&minutes=45', 'minutes', '45'],
    ['?minutes=1&minutes=2', 'minutes', '1'],
    ['?minutes', 'minutes', ''],
    ['?minutes=', 'minutes', ''],
    ['?minutes=%2060+', 'minutes', ' 60 '],
    ['?min%75tes=7', 'minutes', '7'],
    ['?minutes=%zz', 'minutes', '%zz'],
    ['?&&minutes=5&', 'minutes', '5'],
    ['?minutesX=5', 'minutes', null],
  ])('%s → %s = %j', (search, name, value) => {
    expect(queryValue(search, name)).toBe(value);
  });

  it('property: agrees with URLSearchParams on well-formed queries', () => {
    const word = fc.stringMatching(/^[a-z0-9 =&+%?é]{0,8}$/);
    const pair = fc
      .tuple(word, word)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 5 }), word, (pairs, name) => {
        const search = `?${pairs.join('&')}`;
        expect(queryValue(search, name)).toBe(new URLSearchParams(search).get(name));
      }),
    );
  });
});

describe('viewModeFrom', () => {
  it.each([
    ['', 'deck'],
    ['?view=read', 'read'],
    ['?minutes=60&view=print', 'print'],
    ['?view=slides', 'deck'],
  ])('%s → %s', (search, mode) => {
    expect(viewModeFrom(search)).toBe(mode);
  });
});
