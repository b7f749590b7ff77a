// ESLint (flat config): TypeScript and React rules over the app, the workbench, the tests and the
// scripts. Syntax-only TypeScript rules (no type information), so `npm run lint` stays quick on a
// small machine; the type check (tsc) already runs before it in `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'lib/', 'lib-commonjs/', 'lib-esm/', 'dist/', 'temp/', 'release/', 'sharepoint/solution/', 'workbench/dist/', 'workbench/.data/', 'coverage/', 'test-results/', '**/*.d.ts', 'src/webparts/socialMediaHub/loc/*.js']
  },
  {
    files: ['src/**/*.{ts,tsx}', 'workbench/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs,js}', '*.{js,mjs}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    plugins: { react, 'react-hooks': reactHooks },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node, ...globals.jest },
      parserOptions: { ecmaFeatures: { jsx: true } }
    },
    settings: { react: { version: '17.0' } },
    rules: {
      ...react.configs.recommended.rules,
      ...reactHooks.configs.recommended.rules,
      // Only SafeHtml renders HTML, and only after sanitising it (src/ui/common/SafeHtml*).
      'react/no-danger': 'error',
      // Props are typed by TypeScript; prop-types would repeat them at run time.
      'react/prop-types': 'off',
      // `_name` marks a parameter an interface requires but this implementation does not read.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }]
    }
  },
  {
    // Tests read the emulator's and Graph's JSON answers loosely on purpose; the app's code may not.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' }
  },
  {
    // useGraphServer() is a jest set-up helper (starts a server per file), not a React hook.
    files: ['tests/emulator/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' }
  },
  {
    files: ['src/ui/common/SafeHtml*'],
    rules: { 'react/no-danger': 'off' }
  },
  {
    // CommonJS config files (gulpfile, jest configs) use require/module.exports by design.
    files: ['*.js', 'scripts/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  }
);
