import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

/**
 * Which folder may import which (VS Code style; the README's architecture section shows the
 * same matrix). Each block lists what a folder must NOT reach; everything else is allowed.
 *
 *   core      → core only: no packages, no Node built-ins (it runs in the CLI, main, renderer, tests)
 *   adapters  → core, other adapters, Node built-ins, their own packages
 *   shared    → core, zod
 *   services  → core, shared, adapters through their entry points (adapters/<family>/index.ts)
 *   hosts     → services, shared, core (cli, main, demo: never each other, never adapters)
 *   preload   → shared and the electron package only
 *   renderer  → shared (zod-free) and pure core modules
 */
const NODE_BUILTINS = [
  'node:*',
  'fs',
  'path',
  'child_process',
  'os',
  'net',
  'http',
  'https',
  'crypto',
  'util',
  'zlib',
];
const HOSTS = ['**/cli/**', '**/main/**', '**/demo/**', '**/preload/**'];

const restrict = (...patterns) => ['error', { patterns }];

const coreRules = restrict(
  { regex: '^(?!\\.)', message: 'The core imports no packages: it is platform-neutral.' },
  {
    group: ['**/adapters/**', '**/services/**', '**/shared/**', ...HOSTS, '**/renderer/**'],
    message: 'The core imports only the core.',
  },
);
const adapterRules = restrict(
  {
    group: ['**/services/**', '**/shared/**', ...HOSTS, '**/renderer/**'],
    message: 'Adapters implement core ports; they do not know services or hosts.',
  },
  {
    group: ['electron', 'react', 'react-dom', 'zustand'],
    message: 'Adapters do not depend on the UI or Electron.',
  },
);
const sharedRules = restrict(
  {
    group: ['**/adapters/**', '**/services/**', ...HOSTS, '**/renderer/**'],
    message: 'shared is the IPC contract: core types and zod only.',
  },
  { group: NODE_BUILTINS, message: 'shared runs in the renderer too.' },
);
const serviceRules = restrict(
  {
    group: ['**/adapters/*/*', '!**/adapters/*/index'],
    message:
      'Services use adapters through their entry point (adapters/<family>/index.ts), not their internals.',
  },
  { group: HOSTS, message: 'Services are host-neutral.' },
  { group: ['**/renderer/**', 'electron', 'react', 'react-dom'], message: 'Services are host-neutral.' },
);
const hostRules = (self) =>
  restrict(
    { group: ['**/adapters/**'], message: 'Hosts reach machines through services.' },
    {
      group: HOSTS.filter((h) => h !== `**/${self}/**`),
      message: 'Hosts do not import each other; share through services.',
    },
    { group: ['**/renderer/**'], message: 'The renderer is built separately.' },
  );

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
  // Tests may set up real files, simulated machines and adapters: the matrix is for product code.
  {
    files: ['electron/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': coreRules },
  },
  {
    files: ['electron/adapters/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': adapterRules },
  },
  {
    files: ['electron/shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': sharedRules },
  },
  {
    files: ['electron/services/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': serviceRules },
  },
  ...['cli', 'main', 'demo'].map((host) => ({
    files: [`electron/${host}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': hostRules(host) },
  })),
  {
    files: ['electron/preload/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict({
        regex: '^(?!electron$|\\.\\./shared/)',
        message: 'The preload exposes the shared channel map through contextBridge, nothing else.',
      }),
    },
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
