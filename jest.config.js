// Every project's Jest configuration, so one run covers the workspace (tools/run-tests.mjs splits it in two:
// everything in parallel, then the end-to-end project alone).
const { readdirSync, existsSync, statSync } = require('node:fs');
const { join } = require('node:path');

function findConfigs(dir, depth = 0) {
  if (depth > 3) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (!statSync(path).isDirectory() || entry === 'node_modules' || entry === 'src') return [];
    const config = join(path, 'jest.config.js');
    return existsSync(config) ? [path] : findConfigs(path, depth + 1);
  });
}

module.exports = {
  projects: ['apps', 'libs', 'deploy', 'tools'].flatMap((top) => {
    const dir = join(__dirname, top);
    if (!existsSync(dir)) return [];
    return existsSync(join(dir, 'jest.config.js')) ? [dir] : findConfigs(dir);
  }),
};
