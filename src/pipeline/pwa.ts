/**
 * The installable site (the normal `npm run build`): a web-app manifest with the lecture's Russian
 * name and our icons (public/), and a Workbox service worker that precaches the whole build, so
 * that after one visit the deck opens and runs with no network. src/page/service-worker.ts
 * registers it (never in the one-file build, never from file://).
 */
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin, PluginOption } from 'vite';

/** The deck's colours: the accent blue of the icon, the slides' white. */
const THEME_COLOR = '#0b57b0';
const BACKGROUND_COLOR = '#ffffff';

/** index.html's placeholder icon, replaced in the site by ours. */
const PLACEHOLDER_ICON = '<link rel="icon" href="data:," />';

/** The plugins that make the build installable and offline-capable. */
export function installableSite(): PluginOption {
  return [siteHead(), ...onlyAfterSuccess(pwa())];
}

/**
 * The given plugins with their `buildEnd` and `closeBundle` skipped when the build failed.
 * Rolldown calls closeBundle without the error, so vite-plugin-pwa would otherwise print its
 * precache summary and write sw.js and workbox files into an otherwise empty out dir; its buildEnd
 * only rethrows the error, which made the CLI print a broken slide's message twice.
 */
export function onlyAfterSuccess(plugins: readonly Plugin[]): Plugin[] {
  let failed = false;
  const outcome: Plugin = {
    name: 'lecture-build-outcome',
    apply: 'build',
    buildStart() {
      failed = false;
    },
    buildEnd(error) {
      failed = error !== undefined;
    },
    renderError() {
      failed = true;
    },
  };
  const isFailed = (): boolean => failed;
  return [
    outcome,
    ...plugins.map((plugin) =>
      skipWhenFailed(skipWhenFailed(plugin, 'closeBundle', isFailed), 'buildEnd', isFailed),
    ),
  ];
}

/** `plugin` with its `hook` run only when `failed()` is false. */
function skipWhenFailed(
  plugin: Plugin,
  hook: 'buildEnd' | 'closeBundle',
  failed: () => boolean,
): Plugin {
  const original = plugin[hook];
  if (!original) return plugin;
  const run = typeof original === 'function' ? original : original.handler;
  // The hooks' own parameter types differ; both are called with the same `this` and arguments.
  const guarded = function (this: unknown, ...args: unknown[]): unknown {
    return failed() ? undefined : (run as (...a: unknown[]) => unknown).apply(this, args);
  };
  return {
    ...plugin,
    [hook]: typeof original === 'function' ? guarded : { ...original, handler: guarded },
  };
}

/** Favicon, home-screen icon and theme colour in the site's <head> (the one file keeps none). */
function siteHead(): Plugin {
  return {
    name: 'lecture-site-head',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!html.includes(PLACEHOLDER_ICON))
          throw new Error(`index.html lacks ${PLACEHOLDER_ICON}`);
        return html.replace(
          PLACEHOLDER_ICON,
          [
            '<link rel="icon" href="./icon.svg" type="image/svg+xml" />',
            '<link rel="apple-touch-icon" href="./apple-touch-icon.png" />',
            `<meta name="theme-color" content="${THEME_COLOR}" />`,
          ].join('\n    '),
        );
      },
    },
  };
}

function pwa(): Plugin[] {
  return VitePWA({
    // Registration is ours (src/page/service-worker.ts): no extra script tag in index.html.
    injectRegister: false,
    registerType: 'autoUpdate',
    filename: 'sw.js',
    manifestFilename: 'manifest.webmanifest',
    // The icons are in public/ and so in globPatterns below; listing them twice would precache twice.
    includeManifestIcons: false,
    manifest: {
      name: 'Брокеры сообщений — Redis, RabbitMQ, Kafka',
      short_name: 'Брокеры сообщений',
      description: 'Интерактивная лекция о брокерах сообщений: Redis, RabbitMQ, Kafka, Celery',
      lang: 'ru',
      dir: 'ltr',
      start_url: './',
      scope: './',
      display: 'fullscreen',
      display_override: ['fullscreen', 'standalone'],
      orientation: 'landscape',
      theme_color: THEME_COLOR,
      background_color: BACKGROUND_COLOR,
      icons: [
        { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      // Everything the deck can load: page, scripts (widgets too), styles, fonts, icons (the
      // plugin adds the manifest itself).
      globPatterns: ['**/*.{html,js,css,woff2,svg,png}'],
      // Any navigation (?minutes=60, the speaker view's ?receiver frames) gets the deck page.
      navigateFallback: 'index.html',
      // …but only for the deck's own page (its folder or index.html, any query), not for any
      // other path. Workbox matches these against pathname + search.
      navigateFallbackAllowlist: [/\/(index\.html)?(\?.*)?$/],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: true,
      sourcemap: false,
    },
  });
}
