// ESLint flat config: typescript-eslint's recommended rules, plus the determinism
// rule for sim/ (no Math.random, no wall-clock outside the thread layer).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const wallClockOrRandom = [
  { object: 'Math', property: 'random', message: 'sim/ draws only from seeded streams (sim/rng/streams.ts).' },
  { object: 'Date', property: 'now', message: 'sim/ must not read the wall clock (determinism).' },
  { object: 'performance', property: 'now', message: 'sim/ must not read the wall clock (determinism).' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        performance: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['sim/**/*.ts'],
    ignores: ['sim/parallel/**'],
    rules: {
      'no-restricted-properties': ['error', ...wallClockOrRandom],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'sim/ must not read the wall clock (determinism).' },
      ],
    },
  },
);
