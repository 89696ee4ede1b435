// The start tool's supervisor, replica plan and balancer (tools/lib), tested as plain modules.
module.exports = {
  displayName: 'tools',
  preset: '../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/lib/**/*.spec.ts'],
};
