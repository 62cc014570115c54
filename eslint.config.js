// ESLint flat config: typescript-eslint's recommended type-aware rules over the whole project.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', '.data/', 'lib/generated/', 'test-results/', 'playwright-report/', 'next-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through lib/env.ts.' }],
    },
  },
  {
    // The env module, and code outside the app (scripts, tests, the emulator), may read process.env.
    files: ['lib/env.ts', 'scripts/**', 'e2e/**', 'emulator/**', 'bench/**', 'fuzz/**', '**/*.test.ts', '*.config.{js,ts}', 'tests/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // lib/ is the domain: framework-free, so the worker, scripts and tests use it without Next or React.
    // Components and Next wiring live under app/. JSX needs no import (react-jsx runtime), so it is refused too.
    // The one exception, next-server.ts, is not domain code: it is the process that hosts Next for `npm start`.
    files: ['lib/**'],
    ignores: ['lib/runtime/next-server.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'next', 'next/*'], message: 'lib/ is framework-free: put React components and Next wiring under app/.' }],
      }],
      'no-restricted-syntax': ['error', { selector: 'JSXElement, JSXFragment', message: 'lib/ is framework-free: put React components under app/.' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
