#!/usr/bin/env node
// Models trained on uploaded datasets with default parameters, through the API (the built gateway and ml service
// on a fresh database), scored by cross-validation on data the model never saw:
//  - failure_risk on AI4I 2020 (../shared/data/ai4i2020-train.csv): 5 stratified folds (seed 1); each training fold
//    uploaded as CSV with only the row number and the five failure-mode flags excluded (Product ID is left to the
//    service, which leaves it out as an identifier; Type is a categorical input), trained with no params, and its
//    test fold (uploaded as a second dataset) scored by POST /ml/evaluate at the model's own threshold. Precision,
//    recall and F1 from the confusion counts pooled over the folds; PR-AUC the mean of the folds'.
//  - maintenance_window on C-MAPSS FD001 (train_FD001.txt): 5 folds by engine (seeded shuffle); each training fold
//    uploaded with its full histories and the true remaining life (uncapped) as label, group unit, order cycle,
//    trained with no params (the service chooses the cap); each held-out engine truncated at a cycle drawn
//    uniformly from 30…its last cycle (the official test set keeps at least 31 cycles) and scored at its last
//    truncated cycle (evaluate at "last") against its true remaining life, uncapped. RMSE pooled over the 100
//    engines, PHM08 score summed over them (the published scores are sums over FD001's 100 test engines); the same
//    against the truth capped at the model's cap, and on the engines whose true remaining life is at most 145 (the
//    largest in the official test truth).
//
//   npx nx run-many -t build -p ml gateway && node bench/ml/dataset-defaults.mjs [--seed 1] [--folds 5] [--only ai4i|cmapss]
//
// Uses the local services (DATABASE_ADMIN_URL, NATS_URL with JetStream, REDIS_URL as for npm start).
//
// Measured (seed 1, 5 folds, on this 2-core machine; the served model learns every uploaded row with the settings
// chosen on the training part, the metrics are the held-out probe's):
//   AI4I: F1 0.911, precision 0.979, recall 0.852 (tp 231, fp 5, fn 40 over 8,000 rows), PR-AUC 0.900 (mean of the
//     folds; folds' F1 0.895–0.942). Every model splits on a bin per distinct value (1,024 quantile bins before) and
//     the threshold is the mean log-odds of the inner folds' best-F1 thresholds (0.39–0.55; before, the best F1 of
//     the pooled out-of-fold probabilities: 0.23–0.62). Trainings took 35–72 s with other jobs on the machine (about
//     32 s of CPU each in process, 20 s before); 4–16 derived features kept (the first fold's: torque ÷ wear, air ÷
//     process temperature, speed × torque, torque × wear, air − process temperature, …), positive weight 1. What is
//     missed: all 30 tool-wear failures without another cause (random between 200 and 240 min: 4–12 % of the rows
//     at such wear fail by it, never worth an alarm) and the 8 failures with no cause flag — 38 of the 40; of the rest,
//     2 overstrain failures within 1 % of their limit. The 5 false alarms: two H-type rows at 11,500 minNm (H's limit
//     is 13,000), two at 208 min of wear, one at 8,998 W (the power limit is 9,000; it alone pulls fold 5's PR-AUC
//     from ~0.90 to 0.876). At 1,024 bins, before, 4 power and 3 overstrain failures were missed and 12 false alarms
//     raised, most a few watts or minute-newton-metres either side of a limit: quantile bins of ~6 rows are wider
//     than the gaps there. Before these two changes: F1 0.888, precision 0.950, recall 0.834 (tp 226, fp 12, fn 45),
//     PR-AUC 0.902, 21–29 s once the machine was quiet (51–144 s while other jobs ran). In process on the same folds:
//     exact bins alone, threshold as before, F1 0.906–0.912 (PR-AUC 0.900–0.901) — float-level changes to the
//     learner's sums moved one fold's threshold from 0.40 to 0.23, which the fold-mean threshold removes (on those
//     models: pooled best F1 0.906, fold mean 0.911; thresholds within 0.01–0.02 F1 of the best, their middle,
//     0.911–0.913, not kept for its tolerance constant). Not kept either: a split threshold centred in the node's
//     empty gap instead of the first edge after its left rows (no gain); on the five oracle features (power, wear ×
//     torque, temperature difference and the raw ones) with exact bins, depth 3–7, minimum leaf 3–10, learning rate
//     0.1, subsample or colsample 0.8 — all within ±0.005 F1 of the defaults; 2,048 bins F1 0.90, 8,192 0.91.
//     Earlier, with the served model learning only the 5,120 training rows: F1 0.885, precision 0.953, recall 0.827
//     (tp 224, fp 11, fn 47), PR-AUC 0.896, 18–23 s. Tried on the same folds in process and not kept: averaging the
//     four inner-CV fold models with the served one (bagging) F1 0.890, precision 0.974, recall 0.819, PR-AUC 0.907
//     — no gain in F1 for five times the trees; 600 trees (at 0.05 or 0.1) lowered the first fold's F1 from 0.932 to
//     0.913 / 0.922; all 30 derived candidates as a further size (kept in one fold) F1 0.888, PR-AUC 0.905; a
//     minimum leaf of 2 rows instead of 5 F1 0.888 (precision 0.965, recall 0.823), PR-AUC 0.902 (all at 1,024
//     bins). The trainer before categorical inputs and cross-validated choices (every pair's product and
//     difference, the threshold from one inner split; Type and Product ID had to be excluded), on the same folds in
//     process: F1 0.857, precision 0.912, recall 0.808, PR-AUC 0.865, 3 s per training.
//   FD001, one uniform cut per held-out engine, 100 engines, against the true remaining life (uncapped):
//     RMSE 22.79, PHM08 score 4,374; against the truth capped at the model's cap: RMSE 10.51, score 202; the 88
//     engines whose true remaining life is ≤ 145: RMSE 10.78, score 193 (folds 9.64, 15.59, 7.19, 12.38, 4.80), with the
//     classifier's finer histograms in the same build (empty bins skipped moves near-tied splits at float level: the
//     build before them gave 10.45 / 195 capped and 10.69 / 185 ≤ 145, folds 9.61, 15.32, 7.02, 12.47, 4.79);
//     trainings 45–55 s on a machine running little else.
//     Caps chosen 138–140 (horizon 153–155) by the same stand-in (200 trees at 0.1) as before; the learner 1,200
//     trees at 0.05/3. Trainings 109–517 s while the machine ran other jobs (load average 8–22 on its 2 cores); in
//     process, one after the other at the same load, the first fold trained in 51.8 s against 41.9 s with 400 trees
//     at 0.05 (the caps' cross-validation, unchanged, is most of the work). The stored model is three times larger
//     (692 KiB of gzip against 230); the training's heap peaked alike (~70 MiB above its start); scoring the 20
//     held-out histories at their last cycle took 22 ms.
//     Before, with 400 trees at 0.05: 23.35 / 3,876, capped 11.53 / 266, ≤ 145 11.79 / 254, 34–39 s on a quiet
//     machine; in process with 800 trees at 0.025 (the stand-in then 400 at 0.05): 22.99 / 4,182, capped
//     10.81 / 208, ≤ 145 11.10 / 199. Both smaller steps lowered the ≤ 145 RMSE in every fold (400 → 1,200 trees:
//     9.91 → 9.60, 16.45 → 15.45, 8.12 → 7.10, 14.55 → 12.43, 5.38 → 4.87), and the cap's stand-in at 400 trees and
//     0.05 instead of 200 and 0.1 lowered its own cross-validated RMSE near the end of life in every fold, on the
//     training part alone (13.04 → 12.62, 13.83 → 13.51, 13.88 → 13.41, 13.65 → 13.07, 13.31 → 13.26). The uncapped
//     PHM08 sum rises (3,876 → 4,363 in process): it is led by the engines early in life that no capped model can
//     place. Other cap rules on the first fold (400 trees): candidates every 0.05 of the horizon (0.7–1) tie 132
//     and 140 (13.04 within the horizon) and keep 140; judging the caps with the full learner on every row instead
//     of the faster stand-in also chooses 140 (12.29 against 13.72 for 124). Earlier, with the served model learning
//     only the training part: 23.37 / 5,463, capped 11.47 / 291, ≤ 145 11.87 / 282, 25–30 s.
//   A network for remaining life with TensorFlow.js (tfjs-core 4.22 on the wasm backend), in process on the same
//   folds, its label capped at the chosen cap, inputs standardised with the training statistics, early stopping on
//   a fifth of the training engines; not kept, as it lost to the trees alone:
//     - dense on the last 30 cycles (18 non-constant channels with the cycle, a short history padded with its first
//       row; 540 → 64 → 32 → 1, Adam at 0.001, batches of 256): the first fold's ≤ 145 RMSE 20.2 against the trees'
//       9.9, their mean 13.0; its validation RMSE 22–23 (the trees' held-out 10–12), alike with a rate of 0.003, 50
//       cycles or 128 → 64 units;
//     - dense on the trees' 256 window features (standardised and clipped at ±4 sd: the slopes over a series' first
//       cycles reach 40 sd; 256 → 128 → 64 → 1, L2 1e-4): ≤ 145 RMSE 14.56 / 380 over the five folds, its mean with
//       the trees (800 at 0.025) 12.10 / 249 against the trees' 11.10 / 199, worse in every fold; 23–55 s a fold.
//     On that backend a matMul with a transposed operand (a dense layer's backward pass) ran ~10× slower than an
//     explicit transpose and a plain matMul, so training went through a custom gradient; it has no convolution
//     backward kernels.
//   The same cuts with the cap fixed, 400 trees at 0.05, the served model learning the training part only (in process:
//   bench/ml/cmapss-in-process.mjs reproduces the API figures above exactly): no cap — the default
//   before — 19.54 / 1,342 (≤ 145: 15.44 / 526); cap 111 30.03 / 26,311 (≤ 145: 12.53 / 184); 125 26.06 / 10,923
//   (≤ 145: 11.29 / 200); 135 23.77 / 5,948 (≤ 145: 11.49 / 231). An earlier rule (horizon = the shortest training
//   life) chose 111–119: 29.26 / 25,574 (≤ 145: 12.08 / 172). The cap's cross-validation ranks 138–140 above 122–124
//   by 0.5–1.1 RMSE within the horizon in every fold (thousands of rows), while the ≤ 145 line above rests on 88
//   engines, one cut each: preferring 125 here would be fitting that line's noise.
//   Published (official FD001 test set, truth ≤ 145, uncapped): deep LSTM 16.14 / 338, MS-DCNN 11.44 / 196, MTSTAN
//     10.97 / 175. Uniform cuts leave some engines early in life (true remaining life up to ~330), which no capped
//     model and no data can tell apart: over all uniform cuts, no cap is best (19.5), while near the end of life
//     (≤ 145, like the official truth) a cap of 125–140 is; the ≤ 145 line is the closest to the published figures.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, root, sleep, startService, waitHttp } from '../lib/services.mjs';
import { CMAPSS_SPEC, MIN_CYCLES, OFFICIAL_MAX_RUL, cmapssFolds } from '../lib/cmapss-folds.mjs';

const require = createRequire(import.meta.url);
const { provision, serviceUrl } = require(join(root, 'tools/db/provision.cjs'));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const SEED = Number(arg('seed', 1));
const FOLDS = Number(arg('folds', 5));
const ONLY = arg('only', 'all');
const DATA = join(root, '..', 'shared', 'data');
const env = process.env;
const adminUrl = env.DATABASE_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const natsUrl = env.NATS_URL || 'nats://127.0.0.1:4222';
const redisUrl = env.REDIS_URL || 'redis://127.0.0.1:6379';
const tag = `bench_mldd_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
const log = (...a) => console.log(...a);
const num = (x, digits = 3) => (typeof x === 'number' ? x.toFixed(digits) : String(x));
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Seeded uniform [0, 1) (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const shuffle = (list, rand) => {
  for (let i = list.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
};

// ---- data -----------------------------------------------------------------------------------------------------------
const ai4iLines = readFileSync(join(DATA, 'ai4i2020-train.csv'), 'utf8').trim().split(/\r?\n/);
const ai4iHeader = ai4iLines[0];
const ai4iRows = ai4iLines.slice(1);
const failureColumn = ai4iHeader.split(',').indexOf('Machine failure');
const ai4iLabels = ai4iRows.map((line) => Number(line.split(',')[failureColumn]));
/** Stratified folds: each class shuffled and dealt round-robin. */
function stratifiedFolds(labels, k, rand) {
  const folds = Array.from({ length: k }, () => []);
  let next = 0;
  for (const cls of [0, 1]) {
    for (const i of shuffle(
      labels
        .map((y, i) => [y, i])
        .filter(([y]) => y === cls)
        .map(([, i]) => i),
      rand,
    )) {
      folds[next].push(i);
      next = (next + 1) % k;
    }
  }
  return folds;
}
const AI4I_EXCLUDE = ['UDI', 'TWF', 'HDF', 'PWF', 'OSF', 'RNF'];

const processes = [];
try {
  await provision({ adminUrl, database: tag });
  const ports = { gateway: await freePort(), ml: await freePort() };
  const adminKey = `sfk_${randomBytes(24).toString('base64url')}`;
  const ml = startService('ml', { NATS_URL: natsUrl, PORT: String(ports.ml), DATABASE_URL: serviceUrl(adminUrl, tag, 'ml') });
  const gateway = startService('gateway', {
    NATS_URL: natsUrl,
    NODE_OPTIONS: '--max-old-space-size=256',
    PORT: String(ports.gateway),
    REDIS_URL: redisUrl,
    DATABASE_URL: serviceUrl(adminUrl, tag, 'gateway'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    BOOTSTRAP_ADMIN_API_KEY: adminKey,
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  processes.push(ml, gateway);
  await Promise.all(Object.values(ports).map((p) => waitHttp(`http://127.0.0.1:${p}/health`))).catch((error) => {
    throw new Error(`${error.message}\n--- gateway\n${gateway.output().slice(-2000)}\n--- ml\n${ml.output().slice(-2000)}`);
  });
  const base = `http://127.0.0.1:${ports.gateway}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const call = (method, path, { body, type = 'application/json' } = {}) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
      const headers = { 'X-API-Key': adminKey, ...(payload ? { 'Content-Type': type, 'Content-Length': payload.length } : {}) };
      const req = http.request(`${base}${path}`, { method, agent, headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = text;
          }
          resolve({ status: res.statusCode, body: parsed });
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  const expect = (res, status, what) => {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 2000)}\n--- ml\n${ml.output().slice(-3000)}`);
    return res.body;
  };
  const uploadCsv = async (name, csv, spec) =>
    expect(await call('POST', `/api/v1/ml/datasets?${new URLSearchParams({ name, ...spec })}`, { body: csv, type: 'text/csv' }), 201, `uploading ${name}`);
  const uploadJson = async (body) =>
    expect(await call('POST', '/api/v1/ml/datasets', { body: Buffer.from(JSON.stringify(body)) }), 201, `uploading ${body.name}`);
  const train = async (modelType, datasetId) => {
    const id = expect(
      await call('POST', '/api/v1/ml/train', { body: { model_type: modelType, dataset_id: datasetId } }),
      202,
      'POST /api/v1/ml/train',
    ).training_id;
    for (;;) {
      const view = expect(await call('GET', `/api/v1/ml/train/${id}`), 200, 'GET /api/v1/ml/train');
      if (view.state === 'failed') throw new Error(`training failed: ${view.error}`);
      if (view.state === 'succeeded') return { ...view, seconds: (Date.parse(view.finished_at) - Date.parse(view.started_at)) / 1000 };
      await sleep(500);
    }
  };
  const evaluate = async (modelId, datasetId, at) =>
    expect(
      await call('POST', '/api/v1/ml/evaluate', { body: { model_id: modelId, dataset_id: datasetId, ...(at ? { at } : {}) } }),
      200,
      'POST /api/v1/ml/evaluate',
    );

  // ---- AI4I ---------------------------------------------------------------------------------------------------------
  if (ONLY === 'all' || ONLY === 'ai4i') {
    const folds = stratifiedFolds(ai4iLabels, FOLDS, random(SEED));
    const pooled = { tp: 0, fp: 0, fn: 0, tn: 0 };
    const prAucs = [];
    log(`AI4I 2020: ${FOLDS}-fold stratified CV through the API, failure_risk with default parameters`);
    for (const [f, test] of folds.entries()) {
      const held = new Set(test);
      const trainLines = ai4iRows.filter((_, i) => !held.has(i));
      const testLines = test.map((i) => ai4iRows[i]);
      const spec = { label: 'Machine failure', exclude: AI4I_EXCLUDE.join(',') };
      const trainSet = await uploadCsv(`ai4i fold ${f + 1} train`, `${ai4iHeader}\n${trainLines.join('\n')}\n`, spec);
      const testSet = await uploadCsv(`ai4i fold ${f + 1} test`, `${ai4iHeader}\n${testLines.join('\n')}\n`, spec);
      const run = await train('failure_risk', trainSet.dataset_id);
      const { metrics } = await evaluate(run.model_id, testSet.dataset_id);
      for (const key of Object.keys(pooled)) pooled[key] += metrics.confusion[key];
      prAucs.push(metrics.pr_auc);
      const cv = run.metrics.cross_validation;
      log(
        `  fold ${f + 1}: F1 ${num(metrics.f1)}, precision ${num(metrics.precision)}, recall ${num(metrics.recall)}, PR-AUC ${num(metrics.pr_auc)} on ${test.length} rows; trained in ${num(run.seconds, 1)} s; ` +
          `${cv.chosen.derived} derived features, positive weight ${cv.chosen.positive_weight}, threshold ${num(metrics.threshold)}; ignored ${JSON.stringify(trainSet.ignored_columns?.map((c) => c.name))}; categorical ${JSON.stringify(run.metrics.categorical_inputs)}`,
      );
      if (f === 0) log(`    derived features kept: ${run.metrics.derived_features.join('; ')}`);
    }
    const precision = pooled.tp / (pooled.tp + pooled.fp);
    const recall = pooled.tp / (pooled.tp + pooled.fn);
    log(
      `  pooled over ${FOLDS} folds: F1 ${num((2 * pooled.tp) / (2 * pooled.tp + pooled.fp + pooled.fn))}, precision ${num(precision)}, recall ${num(recall)} (tp ${pooled.tp}, fp ${pooled.fp}, fn ${pooled.fn}); PR-AUC mean of folds ${num(prAucs.reduce((a, b) => a + b, 0) / prAucs.length)}`,
    );
  }

  // ---- C-MAPSS FD001 --------------------------------------------------------------------------------------------------
  if (ONLY === 'all' || ONLY === 'cmapss') {
    const spec = CMAPSS_SPEC;
    const sums = { all: { n: 0, se: 0, score: 0 }, capped: { n: 0, se: 0, score: 0 }, official: { n: 0, se: 0, score: 0 } };
    const add = (bucket, metrics, n) => {
      bucket.n += n;
      bucket.se += metrics.rmse ** 2 * n;
      bucket.score += metrics.nasa_score;
    };
    log(
      `C-MAPSS FD001: ${FOLDS}-fold CV by engine through the API, maintenance_window with default parameters; each held-out engine cut at a uniform cycle in [${MIN_CYCLES}, its last]`,
    );
    for (const [f, { testUnits, trainRows, cut }] of cmapssFolds(SEED, FOLDS).entries()) {
      const trainSet = await uploadJson({ name: `fd001 fold ${f + 1} train`, ...spec, rows: trainRows });
      const testSet = await uploadJson({ name: `fd001 fold ${f + 1} test`, ...spec, rows: cut.flatMap((c) => c.rows) });
      const near = cut.filter((c) => c.rul <= OFFICIAL_MAX_RUL);
      const nearSet =
        near.length > 0 ? await uploadJson({ name: `fd001 fold ${f + 1} test ≤ ${OFFICIAL_MAX_RUL}`, ...spec, rows: near.flatMap((c) => c.rows) }) : null;
      const run = await train('maintenance_window', trainSet.dataset_id);
      const scored = await evaluate(run.model_id, testSet.dataset_id, 'last');
      add(sums.all, scored.metrics, scored.rows_scored);
      if (scored.metrics.capped) add(sums.capped, scored.metrics.capped, scored.rows_scored);
      const nearScored = nearSet ? await evaluate(run.model_id, nearSet.dataset_id, 'last') : null;
      if (nearScored) add(sums.official, nearScored.metrics, nearScored.rows_scored);
      const choice = run.metrics.label_cap_choice;
      log(
        `  fold ${f + 1}: ${testUnits.length} engines, RMSE ${num(scored.metrics.rmse, 2)} uncapped / ${num(scored.metrics.capped?.rmse, 2)} capped, PHM08 ${num(scored.metrics.nasa_score, 0)} / ${num(scored.metrics.capped?.nasa_score, 0)}; ` +
          `${near.length} engines with true RUL ≤ ${OFFICIAL_MAX_RUL}: RMSE ${num(nearScored?.metrics.rmse, 2)}; cap ${run.metrics.label_cap} (horizon ${choice.horizon}; CV ${choice.tried.map((t) => `${t.cap ?? 'none'}: ${t.rmse_within_horizon}`).join(', ')}); trained in ${num(run.seconds, 1)} s`,
      );
    }
    const line = (b) => `RMSE ${num(Math.sqrt(b.se / b.n), 2)}, PHM08 score ${num(b.score, 0)} (${b.n} engines)`;
    log(`  uncapped truth:                    ${line(sums.all)}`);
    log(`  truth capped at the model's cap:   ${line(sums.capped)}`);
    log(`  engines with true RUL ≤ ${OFFICIAL_MAX_RUL} (uncapped): ${line(sums.official)}`);
    log('  published (official test set, uncapped truth ≤ 145): deep LSTM 16.14 / 338, MS-DCNN 11.44 / 196, MTSTAN 10.97 / 175');
  }
} finally {
  for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGTERM');
  await sleep(1500);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${tag} WITH (FORCE)`).catch(() => undefined);
  await admin.end();
}
