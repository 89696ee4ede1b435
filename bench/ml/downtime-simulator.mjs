#!/usr/bin/env node
// Downtime model on the simulator's shop floor: how well a model trained on a simulated history predicts breakdowns,
// and whether it sees wear. The simulator's breakdowns follow a Weibull hazard (shape 1.84, scale ≈ 867 run hours,
// from the Azure PdM fleet) in run hours since the last renewal, reset by repairs and by planned maintenance every
// ~590 run hours; every other stop is random.
//
//   npm run build   (dist/apps/ml and dist/apps/simulator)
//   node bench/ml/downtime-simulator.mjs [--machines 20] [--days 365] [--seed 3] [--until 2026-06-01T00:00:00Z]
//     [--stop-types BREAKDOWN] [--threshold 30] [--horizon 168] [--trees n] [--depth n] [--leaf n] [--lr x] [--colsample x]
//     [--rul]   (also the remaining-life model of maintenance_window on the same history)
//
// Prints: the training's held-out metrics (a fifth of the machines never seen), the wear curve it fitted against the
// simulator's, the Spearman rank correlation between each machine's true wear at the end (the simulator's own state)
// and its predicted probability, and what recording a maintenance now does to each machine's prediction.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { ShopSimulator } = require(join(root, 'dist/apps/simulator/apps/simulator/src/domain/shop-simulator.js'));
const { ZoneClock } = require(join(root, 'dist/apps/simulator/apps/simulator/src/domain/zone-clock.js'));
const { AZURE_PDM, BREAKDOWN_WEIBULL_SCALE_H } = require(join(root, 'dist/apps/simulator/apps/simulator/src/domain/azure-pdm-calibration.js'));
const { trainDowntime, downtimeRow, trainMaintenance } = require(join(root, 'dist/apps/ml/libs/ml/modelling/src/index.js'));
const { GradientBoostedTrees } = require(join(root, 'dist/apps/ml/libs/ml/models/src/index.js'));

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = process.argv[at + 1];
  return typeof fallback === 'number' ? Number(value) : value;
}

const MACHINES = option('machines', 20);
const DAYS = option('days', 365);
const SEED = option('seed', 3);
const END = Date.parse(option('until', '2026-06-01T00:00:00Z'));
const STOP_TYPES = option('stop-types', 'BREAKDOWN').split(',').filter(Boolean);
const THRESHOLD = option('threshold', 30);
const HORIZON = option('horizon', 168);
const PARAMS = Object.fromEntries(
  [
    ['trees', 'trees'],
    ['depth', 'maxDepth'],
    ['leaf', 'minSamplesLeaf'],
    ['lr', 'learningRate'],
    ['colsample', 'colsample'],
  ]
    .filter(([flag]) => process.argv.includes(`--${flag}`))
    .map(([flag, key]) => [key, option(flag, 0)]),
);
const DAY = 86_400_000;

const start = END - DAYS * DAY;
let t = performance.now();
const shop = new ShopSimulator({ machines: MACHINES, seed: SEED, clock: new ZoneClock('UTC'), startMs: start, readingsIntervalMs: null });
const batch = shop.advance(END);
const histories = new Map(
  shop.machines.map((m) => [
    m.machineId,
    {
      jobs: batch.jobs
        .filter((j) => j.machineId === m.machineId)
        .map((j) => ({
          start: j.startTime,
          end: j.endTime,
          idealCycleTimeS: j.idealCycleTime,
          cycleTimeS: j.cycleTime,
          partsProduced: j.partsProduced,
          partsScrapped: j.partsScrapped,
        })),
      stops: batch.downtime.filter((d) => d.machineId === m.machineId).map((d) => ({ start: d.startTime, durationS: d.duration, type: d.downtimeType })),
      since: start,
      until: END,
    },
  ]),
);
const breakdowns = batch.downtime.filter((d) => d.downtimeType === 'BREAKDOWN').length;
console.log(
  `simulated ${MACHINES} machines × ${DAYS} days (seed ${SEED}): ${batch.downtime.length} stops, ${breakdowns} breakdowns, ${batch.jobs.length} jobs in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

t = performance.now();
const out = await trainDowntime(
  [...histories.keys()],
  async (id) => histories.get(id),
  { from: start, to: END },
  PARAMS,
  () => undefined,
  { thresholdMinutes: THRESHOLD, stopTypes: STOP_TYPES },
);
const seconds = (performance.now() - t) / 1000;
const m = out.metrics;
console.log(
  `label: ${STOP_TYPES.length ? STOP_TYPES.join('/') : 'any unplanned'} stop longer than ${THRESHOLD} min; ${m.examples} examples, positive rate ${(m.positive_rate * 100).toFixed(2)} %; trained in ${seconds.toFixed(1)} s (a held-out model and the served one)`,
);
console.log(
  `held-out machines (${m.holdout_machines}): ROC-AUC ${m.roc_auc.toFixed(3)}, PR-AUC ${m.pr_auc.toFixed(3)}, precision ${m.precision.toFixed(3)}, recall ${m.recall.toFixed(3)}, F1 ${m.f1.toFixed(3)} at threshold ${m.threshold.toFixed(4)}`,
);
const wear = out.artifact.wear;
if (wear)
  console.log(
    `wear curve fitted: Weibull shape ${wear.shape.toFixed(2)}, scale ${wear.scale.toFixed(0)} run h (simulator: ${AZURE_PDM.weibullShape}, ${BREAKDOWN_WEIBULL_SCALE_H.toFixed(0)}); weight in the margin ${wear.slope.toFixed(2)}`,
  );

const model = GradientBoostedTrees.fromJSON(out.artifact.gbdt);
const predict = (history) => {
  const { row, offset } = downtimeRow(history, END, HORIZON, out.artifact.features, out.artifact.wear);
  return model.predict(row, offset);
};
const rows = shop.machineSimulators().map((sim, i) => {
  const id = shop.machines[i].machineId;
  const history = histories.get(id);
  const maintained = { ...history, stops: [...history.stops, { start: END - 2 * 3_600_000, durationS: 5400, type: 'PLANNED_MAINTENANCE' }] };
  return { id, wear: sim.snapshot().wearAgeH, p: predict(history), after: predict(maintained) };
});
const rank = (xs) => {
  const order = xs.map((x, i) => [x, i]).sort((a, b) => a[0] - b[0]);
  const r = new Array(xs.length);
  order.forEach(([, i], k) => (r[i] = k));
  return r;
};
const spearman = (a, b) => {
  const ra = rank(a);
  const rb = rank(b);
  const n = a.length;
  const d = ra.reduce((s, x, i) => s + (x - rb[i]) ** 2, 0);
  return 1 - (6 * d) / (n * (n * n - 1));
};
const ratios = rows.map((r) => r.after / r.p).sort((a, b) => a - b);
const worn = [...rows].sort((a, b) => b.wear - a.wear)[0];
console.log(
  `at the end, ${HORIZON} h ahead: Spearman(true wear, predicted p) = ${spearman(
    rows.map((r) => r.wear),
    rows.map((r) => r.p),
  ).toFixed(2)} over ${rows.length} machines`,
);
console.log(
  `maintenance recorded now: p falls for ${rows.filter((r) => r.after < r.p).length} of ${rows.length} machines, median after/before ${ratios[Math.floor(ratios.length / 2)].toFixed(2)}; most worn ${worn.id} (${worn.wear.toFixed(0)} run h): ${worn.p.toFixed(4)} → ${worn.after.toFixed(4)}`,
);

if (process.argv.includes('--rul')) {
  t = performance.now();
  const rul = await trainMaintenance(
    [...histories.keys()],
    async (id) => histories.get(id),
    { from: start, to: END },
    PARAMS,
    () => undefined,
  );
  const r = rul.metrics;
  console.log(
    `remaining life (hours to the next breakdown, capped at 720): ${r.examples} examples, trained in ${((performance.now() - t) / 1000).toFixed(1)} s; held-out machines RMSE ${r.rmse.toFixed(0)} h, MAE ${r.mae.toFixed(0)} h (always the mean: ${r.rmse_of_mean.toFixed(0)} h)`,
  );
}
