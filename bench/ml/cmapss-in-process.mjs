#!/usr/bin/env node
// The FD001 half of bench/ml/dataset-defaults.mjs in process, to compare trainer settings quickly: the same folds and
// cuts (bench/lib/cmapss-folds.mjs), each training fold through the dataset parser and trainOnDataset as the API
// would, its held-out engines scored at their last cut cycle by the stored model after a JSON round trip. With no
// --params it reproduces the API bench's figures exactly; no database, NATS or gateway needed.
//
//   npx nx run ml:build && node bench/ml/cmapss-in-process.mjs [--seed 1] [--folds 5] [--params '{"trees":800}']
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from '../lib/services.mjs';
import { CMAPSS_SPEC, OFFICIAL_MAX_RUL, cmapssFolds } from '../lib/cmapss-folds.mjs';

const require = createRequire(import.meta.url);
// The contracts' validation decorators need it, as in the service's main.ts.
require('reflect-metadata');
const dist = (path) => require(join(root, 'dist/apps/ml/apps/ml/src', path));
const { parseJsonDataset } = dist('datasets/dataset-parser.js');
const { datasetTable } = dist('datasets/dataset-table.mapper.js');
const { trainOnDataset, TrainedModel } = require(join(root, 'dist/apps/ml/libs/ml/modelling/src/index.js'));

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const SEED = Number(arg('seed', 1));
const FOLDS = Number(arg('folds', 5));
const PARAMS = JSON.parse(arg('params', '{}'));

const table = (rows) => {
  const parsed = parseJsonDataset(Buffer.from(JSON.stringify({ name: 'fd001', ...CMAPSS_SPEC, rows })));
  return datasetTable({ label: CMAPSS_SPEC.label, groupColumn: CMAPSS_SPEC.group, orderColumn: CMAPSS_SPEC.order, rowCount: parsed.rowCount }, parsed.columns);
};
/** RMSE and PHM08 score (late predictions cost more: e^(d/10) − 1, early ones e^(−d/13) − 1). */
const line = (pairs) => {
  const se = pairs.reduce((s, [p, y]) => s + (p - y) ** 2, 0);
  const score = pairs.reduce((s, [p, y]) => s + (p >= y ? Math.exp((p - y) / 10) : Math.exp((y - p) / 13)) - 1, 0);
  return `RMSE ${Math.sqrt(se / pairs.length).toFixed(2)}, PHM08 score ${score.toFixed(0)} (${pairs.length} engines)`;
};

const pooled = { all: [], capped: [], official: [] };
for (const [f, { trainRows, cut }] of cmapssFolds(SEED, FOLDS).entries()) {
  const started = performance.now();
  const outcome = trainOnDataset('maintenance_window', table(trainRows), PARAMS, () => undefined);
  const seconds = (performance.now() - started) / 1000;
  const model = TrainedModel.fromArtifact(JSON.parse(JSON.stringify(outcome.artifact)));
  // The cut engines' rows are in engine order, so each group's last row is in the same order as `cut`.
  const { scores } = model.score(table(cut.flatMap((c) => c.rows)), 'last');
  const pairs = cut.map((c, i) => [scores[i], c.rul]);
  pooled.all.push(...pairs);
  pooled.capped.push(...pairs.map(([p, y]) => [p, Math.min(y, model.cap ?? y)]));
  pooled.official.push(...pairs.filter(([, y]) => y <= OFFICIAL_MAX_RUL));
  console.log(
    `fold ${f + 1}: ≤ ${OFFICIAL_MAX_RUL} ${line(pairs.filter(([, y]) => y <= OFFICIAL_MAX_RUL))}; cap ${model.cap}; trained in ${seconds.toFixed(1)} s`,
  );
}
console.log(`  uncapped truth:                    ${line(pooled.all)}`);
console.log(`  truth capped at the model's cap:   ${line(pooled.capped)}`);
console.log(`  engines with true RUL ≤ ${OFFICIAL_MAX_RUL} (uncapped): ${line(pooled.official)}`);
