import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The core must run in the CLI, the main process, the browser host and tests alike:
// it imports no Electron, React, Node built-ins or adapters.
const coreRestrictions = {
  patterns: [
    {
      group: ['electron', 'electron/*', 'react', 'react-dom', 'zustand', 'regedit'],
      message: 'The core is platform-neutral.',
    },
    {
      group: ['node:*', 'fs', 'path', 'child_process', 'os'],
      message: 'The core uses ports, not Node APIs.',
    },
    {
      group: ['**/adapters/**', '**/cli/**', '**/main/**', '**/demo/**'],
      message: 'The core must not depend on hosts or adapters.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'artifacts/**',
      'release/**',
      '.wineprefix/**',
      'bench/results.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Tests of the core may use Node and the simulated machine to set up real files.
  {
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', coreRestrictions] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*', '**/adapters/**', '**/main/**', '**/cli/**'],
              message: 'The renderer has no Node or Electron access.',
            },
          ],
        },
      ],
    },
  },
);
