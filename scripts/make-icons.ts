/**
 * Renders the app icon (public/icon.svg, drawn by hand) to the PNGs the web-app manifest lists:
 * 192 and 512 px, and a 512 px "maskable" one whose picture sits inside the 80 % safe zone.
 * Run after editing the SVG: npx tsx scripts/make-icons.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../tests/browser/chromium.ts';

const publicDir = join(import.meta.dirname, '..', 'public');
const svg = readFileSync(join(publicDir, 'icon.svg'), 'utf8');
const svgUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

/** One PNG: the SVG at `scale` of the square, centred on the icon's blue. */
const icons = [
  { file: 'icon-192.png', size: 192, scale: 1, background: 'transparent' },
  { file: 'icon-512.png', size: 512, scale: 1, background: 'transparent' },
  { file: 'icon-maskable-512.png', size: 512, scale: 0.8, background: '#0b57b0' },
  { file: 'apple-touch-icon.png', size: 180, scale: 0.8, background: '#0b57b0' },
];

const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  for (const icon of icons) {
    await page.setViewportSize({ width: icon.size, height: icon.size });
    const side = Math.round(icon.size * icon.scale);
    await page.setContent(
      `<body style="margin:0;display:grid;place-items:center;width:${icon.size}px;height:${icon.size}px;background:${icon.background}">` +
        `<img src="${svgUrl}" width="${side}" height="${side}" alt=""></body>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    await page.screenshot({ path: join(publicDir, icon.file), omitBackground: true });
    console.log(`public/${icon.file} ${icon.size}×${icon.size}`);
  }
} finally {
  await browser.close();
}
