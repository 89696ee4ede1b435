#!/usr/bin/env node
// Remaining-useful-life benchmark of the `maintenance_window` model: window features (SeriesFeaturePlan) + gradient
// boosted trees on NASA C-MAPSS FD001 (train_FD001.txt only; the official test set is not used), 5-fold CV by engine.
//
//   npx tsc -p apps/ml/tsconfig.app.json && npx tsc-alias -p apps/ml/tsconfig.app.json
//   node bench/ml/maintenance-window.mjs [--windows 5,10,20,30,50,100,150] [--stats mean,slope,last] [--trees 400]
//     [--lr 0.05] [--depth 5] [--leaf 80] [--subsample 0.8] [--colsample 0.3] [--l2 1] [--bins 64] [--settings]
//     [--no-order] [--draws 10] [--seed 1]
//
// Protocol (the issue's):
//  - Label: RUL = last cycle of the engine − cycle, capped at 125 (CMAPSS_RUL_CAP); trained on every row of the
//    training engines. Predictions are clipped to [0, 125].
//  - Folds: groupKFold over engines, k = 5, seed 1.
//  - Each test engine of length L is cut at cycle c drawn uniformly from the integers 30…L (seeded), like the official
//    test set, which keeps at least ~30 cycles; only the truncated history is given to the model (transformLast), and
//    it is scored at that last cycle, true RUL = L − c. "capped" scores against min(L − c, 125), the usual convention
//    for FD001 and the headline figure; "uncapped" against L − c itself. c = L (RUL 0) is a possible draw.
//  - One cut per engine is the protocol's figure (100 engines → 100 scores, so it is noisy: ± ~1.5 RMSE between
//    seeds); the same models are also scored on --draws further cuts per engine, pooled, as a steadier estimate.
//  - Latency: one serving call = features of one engine's truncated history (transformLast) + one prediction, timed
//    over every cut scored (the first calls of each fold include JIT warm-up).
//
// Tried (tuned by this CV on train_FD001 only, 400 trees, lr 0.05, depth 5 unless said; first figure: capped RMSE of
// the protocol's one cut per engine, second: of 10 further cuts per engine, pooled — differences under ~0.5 are noise,
// the one-cut figure moves by ~1.5 with the cut seed):
//  - (this first line with an earlier draw of the cuts) windows 5,10,20,30, all 7 stats: 13.5 / 13.9; 200 trees 13.4 / 13.8; depth 4 13.2 / 14.0; depth 6 13.3 / 14.1;
//    windows 10,20,30 13.4 / 14.0; without the cycle feature 14.4 / 14.9 (the age matters).
//  - windows 5,10,20,30, stats mean,std,slope,last 13.1 / 13.6; mean,slope,last 13.3 / 13.6; mean,slope,ewm,last
//    13.6 / 13.4: the stats barely matter, so fewer (faster) features.
//  - longer windows are what helps (a degradation trend over 50–150 cycles): mean,std,slope,last with 5…50 10.8 /
//    11.0, 5…80 10.4 / 10.6, 5…150 9.6 / 10.2, 10,30,60,120 10.2 / 10.1, without 5: 9.6 / 10.1; all 7 stats with
//    5…100 10.5 / 10.8; mean,slope,last with 5,10,20,30,50,100,150: 9.8 / 10.1 (seed 2: 11.2 / 10.1).
//  - on that: 800 trees lr 0.025 9.8 / 9.9 (twice the time); with the 3 operating settings 9.8 / 9.9 (FD001 has one
//    operating condition); minSamplesLeaf 80 + colsample 0.3 9.8 / 10.0 at half the training time — the defaults.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const lib = require(join(root, 'dist/apps/ml/libs/ml/models/src/index.js'));
const { GradientBoostedTrees, fitSeriesFeatures, rulLabels, regressionMetrics, groupKFold, CMAPSS_RUL_CAP } = lib;

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = process.argv[at + 1];
  return typeof fallback === 'number' ? Number(value) : value;
}
const flag = (name) => process.argv.includes(`--${name}`);

const WINDOWS = option('windows', '5,10,20,30,50,100,150').split(',').map(Number);
const STATS = option('stats', 'mean,slope,last').split(',');
const PARAMS = {
  objective: 'regression',
  trees: option('trees', 400),
  learningRate: option('lr', 0.05),
  maxDepth: option('depth', 5),
  minSamplesLeaf: option('leaf', 80),
  subsample: option('subsample', 0.8),
  colsample: option('colsample', 0.3),
  l2: option('l2', 1),
  maxBins: option('bins', 64),
  seed: 1,
};
const DRAWS = option('draws', 10);
const SEED = option('seed', 1);
const FOLDS = 5;
const MIN_CYCLES = 30;

const SENSORS = Array.from({ length: 21 }, (_, i) => `s${i + 1}`);
const COLUMNS = ['unit', 'cycle', 'setting1', 'setting2', 'setting3', ...SENSORS];
const INPUTS = [...(flag('settings') ? ['setting1', 'setting2', 'setting3'] : []), ...SENSORS];

function readCmapss(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const cells = line.split(/\s+/).map(Number);
      return Object.fromEntries(COLUMNS.map((c, i) => [c, cells[i]]));
    });
}

/** mulberry32: a small seeded generator, so the cuts are the same on every run. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const fmt = (m) => `RMSE ${m.rmse.toFixed(2)}  MAE ${m.mae.toFixed(2)}  score ${m.nasa_score.toFixed(0)}`;
const clip = (v) => Math.min(CMAPSS_RUL_CAP, Math.max(0, v));

const rows = readCmapss(join(root, '../shared/data/cmapss/train_FD001.txt'));
const seriesOpts = { group: 'unit', order: 'cycle' };
const spec = { windows: WINDOWS, stats: STATS, includeOrder: !flag('no-order'), dropConstant: true };

// Feature cost on the whole file at the brief's size: 21 columns × 4 windows × 6 stats, no column dropped.
{
  const plan = fitSeriesFeatures(rows, {
    ...seriesOpts,
    columns: SENSORS,
    spec: { windows: [5, 10, 20, 30], stats: ['mean', 'std', 'slope', 'min', 'max', 'ewm'] },
  });
  const t0 = performance.now();
  const out = plan.transform(rows);
  const ms = performance.now() - t0;
  console.log(`features: ${out.matrix.length} rows × ${out.names.length} features (21 columns × 4 windows × 6 stats) in ${ms.toFixed(0)} ms`);
}

const units = rows.map((r) => r.unit);
const byUnit = new Map();
for (const r of rows) (byUnit.get(r.unit) ?? byUnit.set(r.unit, []).get(r.unit)).push(r);
for (const list of byUnit.values()) list.sort((a, b) => a.cycle - b.cycle);

const folds = groupKFold(units, FOLDS, 1);
// Cuts drawn up front, in engine order, so they depend on neither the model nor --draws: the protocol cut of every
// engine from one stream, the further cuts from another.
const cutFrom = (random) => (length) => MIN_CYCLES + Math.floor(random() * (length - MIN_CYCLES + 1));
const firstCut = cutFrom(seeded(SEED));
const furtherCut = cutFrom(seeded(SEED + 1_000_003));
const engines = [...byUnit.keys()].sort((a, b) => a - b);
const cuts = new Map(engines.map((u) => [u, [firstCut(byUnit.get(u).length)]]));
for (const u of engines) for (let d = 0; d < DRAWS; d++) cuts.get(u).push(furtherCut(byUnit.get(u).length));

console.log(`config: windows ${WINDOWS.join(',')} stats ${STATS.join(',')} inputs ${INPUTS.length} order ${spec.includeOrder}`);
console.log(`gbdt: ${JSON.stringify({ ...PARAMS, objective: undefined })}`);

const pooled = { truth: [], capped: [], predicted: [], drawTruth: [], drawPredicted: [], drawUncapped: [] };
const latencies = [];
let trainSeconds = 0;
for (let f = 0; f < FOLDS; f++) {
  const testUnits = new Set(folds[f].map((i) => units[i]));
  const train = rows.filter((r) => !testUnits.has(r.unit));
  const t0 = performance.now();
  const plan = fitSeriesFeatures(train, { ...seriesOpts, columns: INPUTS, spec });
  const features = plan.transform(train);
  const labels = rulLabels(train, { ...seriesOpts, cap: CMAPSS_RUL_CAP });
  const model = GradientBoostedTrees.fit(features.matrix, labels, PARAMS, { featureNames: features.names });
  const seconds = (performance.now() - t0) / 1000;
  trainSeconds += seconds;
  const bytes = JSON.stringify(model.toJSON()).length + JSON.stringify(plan.toJSON()).length;

  const truth = [];
  const capped = [];
  const predicted = [];
  for (const u of testUnits) {
    const history = byUnit.get(u);
    cuts.get(u).forEach((cut, d) => {
      const seen = history.slice(0, cut);
      const t1 = process.hrtime.bigint();
      const last = plan.transformLast(seen);
      const p = clip(model.predict(last.matrix[0]));
      latencies.push(Number(process.hrtime.bigint() - t1) / 1e6);
      const rul = history.length - cut;
      if (d === 0) {
        truth.push(rul);
        capped.push(Math.min(CMAPSS_RUL_CAP, rul));
        predicted.push(p);
      } else {
        pooled.drawTruth.push(Math.min(CMAPSS_RUL_CAP, rul));
        pooled.drawPredicted.push(p);
        pooled.drawUncapped.push(rul);
      }
    });
  }
  pooled.truth.push(...truth);
  pooled.capped.push(...capped);
  pooled.predicted.push(...predicted);
  console.log(
    `fold ${f + 1}: ${testUnits.size} engines, ${train.length} training rows × ${features.names.length} features, ` +
      `trained in ${seconds.toFixed(1)} s, model ${(bytes / 1024).toFixed(0)} KiB | capped ${fmt(regressionMetrics(capped, predicted))}`,
  );
}

const sorted = [...latencies].sort((a, b) => a - b);
const meanRul = pooled.capped.reduce((a, b) => a + b, 0) / pooled.capped.length;
console.log('');
console.log(`pooled, one cut per engine (n=${pooled.truth.length}):`);
console.log(`  capped RUL   ${fmt(regressionMetrics(pooled.capped, pooled.predicted))}`);
console.log(`  uncapped RUL ${fmt(regressionMetrics(pooled.truth, pooled.predicted))}`);
console.log(
  `  predicting the mean capped RUL: ${fmt(
    regressionMetrics(
      pooled.capped,
      pooled.capped.map(() => meanRul),
    ),
  )}`,
);
if (DRAWS > 0) {
  console.log(`pooled, ${DRAWS} further cuts per engine (n=${pooled.drawTruth.length}):`);
  console.log(`  capped RUL   ${fmt(regressionMetrics(pooled.drawTruth, pooled.drawPredicted))}`);
  // The cuts where the cap hides nothing (true RUL ≤ 125), the harder part: the official test set is mostly there.
  const late = pooled.drawUncapped.map((rul, i) => (rul <= CMAPSS_RUL_CAP ? i : -1)).filter((i) => i >= 0);
  const lateMetrics = regressionMetrics(
    late.map((i) => pooled.drawUncapped[i]),
    late.map((i) => pooled.drawPredicted[i]),
  );
  console.log(`  true RUL ≤ ${CMAPSS_RUL_CAP} only (n=${late.length}): ${fmt(lateMetrics)}`);
}
console.log(`training (features + fit) ${(trainSeconds / FOLDS).toFixed(1)} s per fold on ~${Math.round((rows.length * 4) / 5)} rows`);
console.log(`serving latency (features of one history + predict): p50 ${quantile(sorted, 0.5).toFixed(2)} ms  p99 ${quantile(sorted, 0.99).toFixed(2)} ms`);
