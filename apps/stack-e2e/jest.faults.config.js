// The fault suite (`npm run test:faults`): the whole platform, two replicas of every service, with faults injected
// one after another. Runs alone, after the other suites: it starts a NATS and a Redis of its own.
module.exports = {
  displayName: 'faults',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/faults/**/*.faults-spec.ts'],
  testTimeout: 300_000,
  setupFilesAfterEnv: ['<rootDir>/src/setup-timeout.ts'],
};
