#!/usr/bin/env node
// `npm run test:faults`: builds the services, then runs the fault suite (apps/stack-e2e/src/faults) — the whole
// platform with two replicas of every service while faults are injected — and ends with one line
// `N passed, N failed`. It starts a nats-server and a redis-server of its own (both must be installed) and reaches
// PostgreSQL and MariaDB through proxies of its own; the machine's services are never stopped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkInfrastructure } from './lib/infra.mjs';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', OTEL_TRACES_EXPORTER: 'none', OTEL_METRICS_EXPORTER: 'none' };
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1;
const finish = (passed, failed) => {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
};

const problems = await checkInfrastructure();
for (const binary of ['nats-server', 'redis-server']) {
  if (spawnSync('sh', ['-c', `command -v ${binary}`]).status !== 0) problems.push(`${binary} is not installed: the fault suite runs one of its own`);
}
if (problems.length > 0) {
  console.error(`The fault suite needs:\n  ${problems.join('\n  ')}`);
  finish(0, 1);
}
if (run('npx', ['nx', 'run-many', '-t', 'build', '--parallel=2', '--output-style=static']) !== 0) {
  console.error('Build failed; the fault suite did not run.');
  finish(0, 1);
}
const report = join(root, 'reports', 'jest-faults.json');
mkdirSync(join(root, 'reports'), { recursive: true });
rmSync(report, { force: true });
const code = run('npx', ['jest', '-c', 'apps/stack-e2e/jest.faults.config.js', '--runInBand', '--json', `--outputFile=${report}`, ...process.argv.slice(2)]);
if (!existsSync(report)) {
  console.error(`Jest did not report results for the fault suite (exit ${code}).`);
  finish(0, 1);
}
const result = JSON.parse(readFileSync(report, 'utf8'));
const failed = result.numFailedTests + (result.numFailedTests === 0 ? result.numFailedTestSuites : 0) + (result.numTotalTests === 0 ? 1 : 0);
finish(result.numPassedTests, failed);
