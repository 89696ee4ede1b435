// The dashboard's plain logic (formatting, states), in Node; the pages themselves are tested in Chromium
// (apps/stack-e2e/src/dashboard.e2e-spec.ts).
module.exports = {
  displayName: 'dashboard',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: `${__dirname}/tsconfig.spec.json` }],
  },
};
