// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Globals the pure broker core must never touch: time, randomness, timers, the DOM. */
const impureGlobals = [
  'window',
  'document',
  'navigator',
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'clearInterval',
  'requestAnimationFrame',
  'queueMicrotask',
  'performance',
  'process',
  'fetch',
].map((name) => ({ name, message: 'src/broker is pure: time and I/O come in as data.' }));

/**
 * The layers outside the broker core go one way (README, Layout): src/lecture (pure) is
 * shared by all; src/pipeline (the build) imports only it; src/widgets import it and the broker;
 * src/page (DOM code both views use) imports it; src/deck and src/reading import those, never
 * each other; src/main.ts, the one entry, chooses the view. A relative import that climbs
 * (`../`, `../../`…) into a forbidden directory is an error, static or dynamic (`import()`).
 * Matching is by name, not by resolved path: no layer has a sub-folder named after another layer.
 */
function layerRules(/** @type {string[]} */ forbidden, /** @type {string} */ message) {
  const regex = `^(\\.\\./)+(${forbidden.join('|')})/`;
  return {
    'no-restricted-imports': ['error', { patterns: [{ regex, message }] }],
    'no-restricted-syntax': [
      'error',
      { selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\/')}/]`, message },
    ],
  };
}

/** A relative import that climbs out of src/broker (its own folders are core, redis, kafka…). */
const brokerOutside =
  '(\\.\\./)+(widgets|deck|reading|pipeline|page|lecture|live|live-server|remote|styles)/';

export default tseslint.config(
  {
    ignores: ['node_modules', 'dist', 'dist-*', 'coverage', 'test-results', 'examples'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/broker/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', ...impureGlobals],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded PRNG in core/prng.ts.' },
        { object: 'Date', property: 'now', message: 'Use the virtual clock in core/clock.ts.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'Use the virtual clock.' },
        {
          selector: `ImportExpression[source.value=/^${brokerOutside.replaceAll('/', '\\/')}/]`,
          message: 'Layers go one way: src/broker imports nothing of ours outside src/broker.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['reveal.js', 'reveal.js/*', 'chart.js', 'chart.js/*', 'prismjs', 'prismjs/*'],
              message: 'src/broker imports no UI library.',
            },
            {
              group: ['node:*', 'fs', 'path', 'crypto'],
              message: 'src/broker imports no Node module.',
            },
            {
              regex: `^${brokerOutside}`,
              message: 'Layers go one way: src/broker imports nothing of ours outside src/broker.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/lecture/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./', message: 'src/lecture imports nothing of ours but src/lecture.' },
            { group: ['node:*', 'fs', 'path'], message: 'src/lecture is pure: no Node module.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/^\\.\\.\\//]',
          message: 'src/lecture imports nothing of ours but src/lecture.',
        },
      ],
    },
  },
  {
    files: ['src/live/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./', message: 'src/live (protocol, session) imports nothing of ours.' },
            { group: ['node:*', 'fs', 'path', 'ws'], message: 'src/live is pure: no Node module.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/^\\.\\.\\//]',
          message: 'src/live (protocol, session) imports nothing of ours.',
        },
      ],
    },
  },
  {
    files: ['src/pipeline/**/*.ts'],
    rules: layerRules(
      ['deck', 'reading', 'widgets', 'page', 'broker', 'live', 'live-server'],
      'src/pipeline (the build) imports only src/lecture of ours.',
    ),
  },
  {
    files: ['src/widgets/**/*.ts'],
    rules: layerRules(
      ['deck', 'reading', 'pipeline', 'page', 'live-server'],
      'src/widgets never import the views (deck, reading), the page layer or the build.',
    ),
  },
  {
    files: ['src/page/**/*.ts'],
    rules: layerRules(
      ['deck', 'reading', 'pipeline', 'widgets', 'live-server'],
      'src/page is shared by the deck and the reading view: it imports neither, nor the build.',
    ),
  },
  {
    files: ['src/deck/**/*.ts'],
    rules: layerRules(
      ['reading', 'pipeline', 'live-server'],
      'src/deck never imports the reading view (src/main.ts chooses) or the build.',
    ),
  },
  {
    files: ['src/remote/**/*.ts'],
    rules: layerRules(
      ['deck', 'reading', 'widgets', 'pipeline', 'live-server'],
      "src/remote (the lecturer's phone) imports only src/lecture, src/page and src/live of ours.",
    ),
  },
  {
    files: ['src/reading/**/*.ts'],
    rules: layerRules(
      ['deck', 'pipeline', 'live-server'],
      'src/reading never imports the deck (shared DOM code lives in src/page) or the build.',
    ),
  },
);
