import { describe, expect, it } from 'vitest';
import { linkedSlideId } from '../../../src/deck/scroll-view-link.ts';

describe('linkedSlideId', () => {
  it('reads the slide id of a deck link, with or without a fragment', () => {
    expect(linkedSlideId('#/s-14')).toBe('s-14');
    expect(linkedSlideId('#/s-14/0/2')).toBe('s-14');
    expect(linkedSlideId('#/title')).toBe('title');
  });

  it('names no slide for an empty, numeric or foreign hash', () => {
    expect(linkedSlideId('')).toBeUndefined();
    expect(linkedSlideId('#/')).toBeUndefined();
    expect(linkedSlideId('#/3')).toBeUndefined();
    expect(linkedSlideId('#s-14')).toBeUndefined();
    expect(linkedSlideId('#/s-14"><img')).toBeUndefined();
  });
});
