/** The two sizes every widget is shot and checked at: the projector's 1280×800 and 1920×1080. */
import type { Page } from 'playwright-core';

/** A viewport size. */
export interface ScreenSize {
  readonly width: number;
  readonly height: number;
}

/** 1280×800: the projector, and the size the tests' browser starts with. */
export const PROJECTOR: ScreenSize = { width: 1280, height: 800 };

/** 1920×1080: a full-HD screen. */
export const FULL_HD: ScreenSize = { width: 1920, height: 1080 };

/** Runs `shoot` with the page at 1280×800, then at 1920×1080, then returns it to 1280×800. */
export async function atBothSizes(
  page: Page,
  shoot: (size: ScreenSize) => Promise<void>,
): Promise<void> {
  for (const size of [PROJECTOR, FULL_HD]) {
    await page.setViewportSize(size);
    await shoot(size);
  }
  await page.setViewportSize(PROJECTOR);
}
