import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// State is kept through the core's StatePort only; the key-value libraries live behind it in src/storage.
const STORE_LIBRARIES = { group: ['keyv', '@keyv/*', '@redis/*', 'redis'], message: 'Use the StatePort (src/core/state/statePort.ts); only src/storage may use keyv or Redis.' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'coverage/**', '*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules: a promise nobody awaits or handles, or one passed where a callback's result is ignored.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The core stays platform-neutral: no platform SDK may be imported from it.
      'no-restricted-imports': 'off',
    },
  },
  {
    // Plain CommonJS helpers (the jest reporter, the build and start scripts) run in Node before anything is compiled.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { process: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/storage/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [STORE_LIBRARIES] }] },
  },
  {
    files: ['src/core/**/*.ts', 'src/knowledge/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            STORE_LIBRARIES,
            { group: ['@slack/*', 'discord.js', '@discordjs/*', 'openai'], message: 'The core is platform-neutral.' },
            { group: ['**/bots/**'], message: 'The core must not depend on adapters.' },
          ],
        },
      ],
    },
  },
);
