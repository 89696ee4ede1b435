// End-to-end tests: the five built services as real processes against the machine's NATS, PostgreSQL and Redis.
module.exports = {
  displayName: 'stack-e2e',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testTimeout: 60_000,
  setupFilesAfterEnv: ['<rootDir>/src/setup-timeout.ts'],
};
