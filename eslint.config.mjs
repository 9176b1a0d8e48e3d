import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

// The core must run in the CLI, the main process, the browser host and tests alike:
// it imports no Electron, React, Node built-ins or adapters.
const coreRestrictions = {
  patterns: [
    {
      group: ['electron', 'electron/*', 'react', 'react-dom', 'zustand', 'regedit', '@vscode/sudo-prompt'],
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
  // The renderer runs sandboxed in the page: no Electron, no Node. From this repository's
  // electron/ folder it may import the pure core (platform-neutral by the core's own rule) and
  // the zod-free shared channel list; ipc-contract.ts (zod) and everything that runs in another
  // process (adapters, services, hosts, preload) stay out of the bundle.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer reaches the main process only through window.exproxy.',
            },
            {
              name: 'zod',
              message: 'The renderer does not bundle zod; validation happens in the main process.',
            },
            ...builtinModules.map((name) => ({ name, message: 'The renderer has no Node access.' })),
          ],
          patterns: [
            { regex: '^electron/', message: 'The renderer has no Electron access.' },
            { group: ['node:*'], message: 'The renderer has no Node access.' },
            {
              group: ['electron-log', 'electron-log/*', 'regedit', '@vscode/sudo-prompt'],
              message: 'Main-process packages do not belong in the page.',
            },
            {
              regex: '/electron/(adapters|services|main|preload|cli|demo|test-support)(/|$)',
              message:
                'From electron/ the renderer imports only the pure core and the zod-free shared modules.',
            },
            {
              regex: '/electron/shared/ipc-contract$',
              message: 'ipc-contract.ts carries zod; import electron/shared/channels instead.',
            },
            { regex: '/electron/.*\\.test$', message: 'Tests are not part of the renderer.' },
          ],
        },
      ],
    },
  },
);
