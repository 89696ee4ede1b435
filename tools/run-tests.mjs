#!/usr/bin/env node
// `npm test`: builds the services, then runs every Jest project against the real NATS, PostgreSQL, MariaDB and
// Redis of this machine — unit and integration tests in parallel, then the end-to-end suite on its own — and ends
// with one line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkInfrastructure } from './lib/infra.mjs';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  OTEL_TRACES_EXPORTER: process.env.OTEL_TRACES_EXPORTER ?? 'none',
  OTEL_METRICS_EXPORTER: process.env.OTEL_METRICS_EXPORTER ?? 'none',
};
const E2E_PROJECT = 'stack-e2e';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status ?? 1;
}

const problems = await checkInfrastructure();
if (problems.length > 0) {
  console.error(`Tests need the real services:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

if (run('npx', ['nx', 'run-many', '-t', 'build', '--parallel=2', '--output-style=static']) !== 0) {
  console.error('Build failed; tests not run.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const reports = join(root, 'reports');
mkdirSync(reports, { recursive: true });
const configs = (await import(join(root, 'jest.config.js'))).default.projects;
const names = configs.map((dir) => {
  const text = readFileSync(join(dir, 'jest.config.js'), 'utf8');
  return /displayName:\s*'([^']+)'/.exec(text)?.[1];
});
const parallel = names.filter((n) => n && n !== E2E_PROJECT);
const extra = process.argv.slice(2);

const runs = [
  { label: 'unit and integration', file: join(reports, 'jest-main.json'), args: ['--selectProjects', ...parallel, '--maxWorkers=2'] },
  { label: 'end-to-end', file: join(reports, 'jest-e2e.json'), args: ['--selectProjects', E2E_PROJECT, '--runInBand'] },
];

let passed = 0;
let failed = 0;
let crashed = false;
for (const r of runs) {
  rmSync(r.file, { force: true });
  console.log(`\n== ${r.label} tests`);
  const code = run('npx', ['jest', ...r.args, '--json', `--outputFile=${r.file}`, ...extra]);
  if (!existsSync(r.file)) {
    crashed = true;
    console.error(`Jest did not report results for the ${r.label} tests (exit ${code}).`);
    continue;
  }
  const report = JSON.parse(readFileSync(r.file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A suite that fails to load counts no test but must not pass silently.
  if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) failed += report.numFailedTestSuites;
  if (report.numTotalTests === 0) crashed = true;
  if (code !== 0 && report.numFailedTests === 0 && report.numFailedTestSuites === 0) crashed = true;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || crashed ? 1 : 0);
