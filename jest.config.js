/** Jest runs the TypeScript sources through ts-jest; type errors are caught by `npm run typecheck`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/reporters/summaryLine.js'],
};
