import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'coverage/**', '*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The core stays platform-neutral: no platform SDK may be imported from it.
      'no-restricted-imports': 'off',
    },
  },
  {
    // Plain CommonJS helpers (the jest reporter) run in Node.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { process: 'readonly', module: 'writable', require: 'readonly' } },
  },
  {
    files: ['src/core/**/*.ts', 'src/knowledge/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@slack/*', 'discord.js', '@discordjs/*', 'openai'], message: 'The core is platform-neutral.' },
            { group: ['**/bots/**'], message: 'The core must not depend on adapters.' },
          ],
        },
      ],
    },
  },
);
