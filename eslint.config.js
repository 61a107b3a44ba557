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
              group: ['../widgets/*', '../deck/*', '../../widgets/*', '../../deck/*'],
              message: 'Layers go one way: broker → widgets → deck.',
            },
          ],
        },
      ],
    },
  },
);
