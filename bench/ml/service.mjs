#!/usr/bin/env node
// The ml service benchmark through the real service: the built gateway and ml service on a fresh database, then
//  - dataset upload: the AI4I CSV (8,000 rows), and a generated 50,000 × 30 JSON dataset in one request;
//  - failure_risk trained on AI4I (readings only: row ids, Type and the five failure-mode flags are excluded), from
//    POST /train to succeeded, with the run's hold-out metrics and the size of the stored (gzip) artifact;
//  - failure-risk prediction latency (p50/p95/p99 of sequential requests after a warm-up) asked of the ml service
//    over NATS directly and through the gateway, then again while a second training runs in the worker thread;
//  - maintenance_window on C-MAPSS FD001: engines split 80/20 by a seeded shuffle, the 20 test engines cut at a seeded
//    random cycle (30…their length) like the official test set, scored at their last row (RMSE, MAE, PHM08 score);
//  - peak RSS of the ml service and the gateway.
//
//   npx nx run-many -t build -p ml gateway && node bench/ml/service.mjs [--predictions 2000] [--warmup 200]
//     [--background 500] [--background-trees 1000] [--seed 1]
//
// Uses the local services (DATABASE_ADMIN_URL, NATS_URL with JetStream, REDIS_URL as for npm start).
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { connect } from 'nats';
import pg from 'pg';
import { cpuByProgram, cpuDelta, freePort, peakRssMb, percentile, root, rpc, sleep, startService, waitHttp } from '../lib/services.mjs';

const require = createRequire(import.meta.url);
const { provision, serviceUrl } = require(join(root, 'tools/db/provision.cjs'));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const PREDICTIONS = arg('predictions', 2000);
const WARMUP = arg('warmup', 200);
const BACKGROUND = arg('background', 500);
const BG_TREES = arg('background-trees', 1000);
const SEED = arg('seed', 1);
const RUL_CAP = 125;
const MIN_CYCLES = 30;
const DATA = join(root, '..', 'shared', 'data');
const env = process.env;
const adminUrl = env.DATABASE_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const natsUrl = env.NATS_URL || 'nats://127.0.0.1:4222';
const redisUrl = env.REDIS_URL || 'redis://127.0.0.1:6379';
const tag = `bench_ml_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
const log = (...a) => console.log(...a);
const ms = (x) => `${x.toFixed(1)} ms`;
const secs = (x) => `${(x / 1000).toFixed(1)} s`;
const num = (x, digits = 3) => (typeof x === 'number' ? x.toFixed(digits) : String(x));
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const summary = (list) => {
  if (list.length === 0) return 'no requests';
  const sorted = [...list].sort((a, b) => a - b);
  return `p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted[sorted.length - 1])} (${sorted.length} requests)`;
};

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

// ---- data -----------------------------------------------------------------------------------------------------------
const ai4iCsv = readFileSync(join(DATA, 'ai4i2020-train.csv'));
const AI4I_EXCLUDE = ['UDI', 'Product ID', 'Type', 'TWF', 'HDF', 'PWF', 'OSF', 'RNF'];
const READING_NAMES = ['Air temperature [K]', 'Process temperature [K]', 'Rotational speed [rpm]', 'Torque [Nm]', 'Tool wear [min]'];
const ai4iLines = ai4iCsv.toString('utf8').trim().split(/\r?\n/);
const ai4iHeader = ai4iLines[0].split(',');
/** Real readings of AI4I rows (cycled through by the latency runs, so that requests differ). */
const readings = ai4iLines.slice(1).map((line) => {
  const cells = line.split(',');
  return Object.fromEntries(READING_NAMES.map((name) => [name, Number(cells[ai4iHeader.indexOf(name)])]));
});

const CMAPSS_COLUMNS = ['unit', 'cycle', 'setting1', 'setting2', 'setting3', ...Array.from({ length: 21 }, (_, i) => `s${i + 1}`)];
const engines = new Map();
for (const line of readFileSync(join(DATA, 'cmapss', 'train_FD001.txt'), 'utf8').split('\n')) {
  const cells = line.trim().split(/\s+/);
  if (cells.length !== CMAPSS_COLUMNS.length) continue;
  const row = Object.fromEntries(CMAPSS_COLUMNS.map((name, i) => [name, Number(cells[i])]));
  if (!engines.has(row.unit)) engines.set(row.unit, []);
  engines.get(row.unit).push(row);
}
for (const rows of engines.values()) rows.sort((a, b) => a.cycle - b.cycle);
const rand = random(SEED);
const units = [...engines.keys()].sort((a, b) => a - b);
for (let i = units.length - 1; i > 0; i -= 1) {
  const j = Math.floor(rand() * (i + 1));
  [units[i], units[j]] = [units[j], units[i]];
}
const trainUnits = units.slice(0, Math.round(units.length * 0.8)).sort((a, b) => a - b);
const testUnits = units.slice(trainUnits.length).sort((a, b) => a - b);
const withRul = (row, last) => ({ ...row, rul: Math.min(last - row.cycle, RUL_CAP) });
const cmapssTrainRows = trainUnits.flatMap((u) => {
  const rows = engines.get(u);
  const last = rows[rows.length - 1].cycle;
  return rows.map((r) => withRul(r, last));
});
const cuts = [];
const cmapssTestRows = testUnits.flatMap((u) => {
  const rows = engines.get(u);
  const last = rows[rows.length - 1].cycle;
  const cut = MIN_CYCLES + Math.floor(rand() * (last - MIN_CYCLES + 1)); // integer in [30, last]
  cuts.push({ unit: u, length: last, cut, rul: Math.min(last - cut, RUL_CAP) });
  return rows.filter((r) => r.cycle <= cut).map((r) => withRul(r, last));
});

const processes = [];
let nc;
try {
  await provision({ adminUrl, database: tag });
  const ports = { gateway: await freePort(), ml: await freePort() };
  const adminKey = `sfk_${randomBytes(24).toString('base64url')}`;
  // Heaps as in the images (deploy/docker/Dockerfile): the gateway bounded at 256 MB, the ml service unbounded.
  const common = { NATS_URL: natsUrl };
  const heap = (fallback) => {
    const options = env.BENCH_NODE_OPTIONS ?? fallback;
    return options ? { NODE_OPTIONS: options } : {};
  };
  const ml = startService('ml', { ...common, ...heap(''), PORT: String(ports.ml), DATABASE_URL: serviceUrl(adminUrl, tag, 'ml') });
  const gateway = startService('gateway', {
    ...common,
    ...heap('--max-old-space-size=256'),
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
  nc = await connect({ servers: natsUrl });
  const base = `http://127.0.0.1:${ports.gateway}`;

  // node:http with kept-alive connections: one agent for the calls being timed, one for everything else.
  const timedAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const controlAgent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const call = (method, path, { key = adminKey, body, type = 'application/json', agent = controlAgent } = {}) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
      const headers = { 'X-API-Key': key, ...(payload ? { 'Content-Type': type, 'Content-Length': payload.length } : {}) };
      const started = performance.now();
      const req = http.request(`${base}${path}`, { method, agent, headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const elapsed = performance.now() - started;
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = text;
          }
          resolve({ status: res.statusCode, body: parsed, elapsed });
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  const expect = (res, status, what) => {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 2000)}\n--- ml\n${ml.output().slice(-3000)}`);
    return res.body;
  };
  const startTraining = async (body) => expect(await call('POST', '/api/v1/ml/train', { body }), 202, 'POST /api/v1/ml/train').training_id;
  const trainingState = async (id) => expect(await call('GET', `/api/v1/ml/train/${id}`), 200, 'GET /api/v1/ml/train');
  const waitTraining = async (id, started, timeoutMs = 600_000) => {
    for (;;) {
      const view = await trainingState(id);
      if (view.state === 'succeeded' || view.state === 'failed') return { view, elapsed: performance.now() - started };
      if (performance.now() - started > timeoutMs) throw new Error(`training ${id} still ${view.state} after ${secs(timeoutMs)}`);
      await sleep(200);
    }
  };
  const serverMs = (view) => (view.started_at && view.finished_at ? Date.parse(view.finished_at) - Date.parse(view.started_at) : NaN);
  const modelOf = async (modelType, modelId) =>
    expect(await call('GET', `/api/v1/ml/models?model_type=${modelType}`), 200, 'GET /api/v1/ml/models').items.find((m) => m.model_id === modelId);

  const operator = expect(
    await call('POST', '/api/v1/auth/api-keys', { body: { name: 'bench ml operator', role: 'operator' } }),
    201,
    'creating an operator key',
  );

  // ---- 1. dataset upload ----------------------------------------------------------------------------------------
  const ai4iQuery = new URLSearchParams({ name: 'ai4i', label: 'Machine failure', exclude: AI4I_EXCLUDE.join(',') });
  const ai4iUpload = await call('POST', `/api/v1/ml/datasets?${ai4iQuery}`, { body: ai4iCsv, type: 'text/csv' });
  const ai4i = expect(ai4iUpload, 201, 'uploading AI4I');
  const wideRows = Array.from({ length: 50_000 }, (_, r) => {
    const row = { y: r % 7 === 0 ? 1 : 0 };
    for (let c = 0; c < 29; c += 1) row[`f${c}`] = Math.round(Math.sin(r * (c + 1)) * 1e4) / 100;
    return row;
  });
  const wideBody = Buffer.from(JSON.stringify({ name: 'wide', label: 'y', rows: wideRows }));
  const wideUpload = await call('POST', '/api/v1/ml/datasets', { body: wideBody });
  const wide = expect(wideUpload, 201, 'uploading the 50,000 × 30 dataset');

  // ---- 2. failure_risk on AI4I ------------------------------------------------------------------------------------
  let t0 = performance.now();
  const frId = await startTraining({ model_type: 'failure_risk', dataset_id: ai4i.dataset_id });
  const fr = await waitTraining(frId, t0);
  if (fr.view.state !== 'succeeded') throw new Error(`failure_risk training failed: ${fr.view.error}`);
  const frModel = await modelOf('failure_risk', fr.view.model_id);

  // ---- 3. prediction latency --------------------------------------------------------------------------------------
  const natsPredict = async (i) => {
    const started = performance.now();
    await rpc(nc, 'ml.predict.failure-risk', { readings: readings[i % readings.length] });
    return performance.now() - started;
  };
  const bodies = readings.map((r) => Buffer.from(JSON.stringify({ readings: r })));
  const httpPredict = async (i) => {
    const res = await call('POST', '/api/v1/ml/predict/failure-risk', { key: operator.key, body: bodies[i % bodies.length], agent: timedAgent });
    expect(res, 200, 'POST /api/v1/ml/predict/failure-risk');
    return res.elapsed;
  };
  const measure = async (fn, count, offset = 0) => {
    const times = [];
    for (let i = 0; i < count; i += 1) times.push(await fn(offset + i));
    return times;
  };
  const sample = await rpc(nc, 'ml.predict.failure-risk', { readings: readings[0] });
  /** Runs fn, with the CPU seconds every program on the machine used meanwhile, and this bench client's own. */
  const withCpu = async (fn) => {
    const before = cpuByProgram();
    const own = process.cpuUsage();
    const result = await fn();
    const used = process.cpuUsage(own);
    return { result, cpu: `${cpuDelta(before, cpuByProgram(), 0.05)} ("node" includes this bench client: ${((used.user + used.system) / 1e6).toFixed(1)} s)` };
  };
  await measure(natsPredict, WARMUP);
  const { result: natsTimes, cpu: natsCpu } = await withCpu(() => measure(natsPredict, PREDICTIONS, WARMUP));
  await measure(httpPredict, WARMUP);
  const { result: httpTimes, cpu: httpCpu } = await withCpu(() => measure(httpPredict, PREDICTIONS, WARMUP));

  // The same while a second failure_risk training runs in the ml service's worker thread: with more trees than the
  // first, so that it outlasts the measurement; NATS and gateway requests alternate, so both see the same phases.
  t0 = performance.now();
  const bgId = await startTraining({ model_type: 'failure_risk', dataset_id: ai4i.dataset_id, params: { seed: 2, trees: BG_TREES } });
  let bgState = await trainingState(bgId);
  while (bgState.state === 'queued') {
    await sleep(20);
    bgState = await trainingState(bgId);
  }
  const bgNats = [];
  const bgHttp = [];
  const { cpu: bgCpu } = await withCpu(async () => {
    for (let i = 0; i < BACKGROUND; i += 1) {
      bgNats.push({ elapsed: await natsPredict(3 * PREDICTIONS + i), at: Date.now() });
      bgHttp.push({ elapsed: await httpPredict(4 * PREDICTIONS + i), at: Date.now() });
    }
  });
  const bgMeasuredUntil = Date.now();
  const bg = await waitTraining(bgId, t0);
  if (bg.view.state !== 'succeeded') throw new Error(`the background training failed: ${bg.view.error}`);
  const bgFinished = Date.parse(bg.view.finished_at);
  const during = (list) => list.filter((x) => x.at <= bgFinished).map((x) => x.elapsed);
  const bgNatsDuring = during(bgNats);
  const bgHttpDuring = during(bgHttp);

  // ---- 4. maintenance_window on C-MAPSS FD001 -----------------------------------------------------------------------
  const spec = { group: 'unit', order: 'cycle', label: 'rul' };
  const cTrainBody = Buffer.from(JSON.stringify({ name: 'cmapss FD001 train', ...spec, rows: cmapssTrainRows }));
  const cTrainUpload = await call('POST', '/api/v1/ml/datasets', { body: cTrainBody });
  const cTrain = expect(cTrainUpload, 201, 'uploading the C-MAPSS training engines');
  const cTestBody = Buffer.from(JSON.stringify({ name: 'cmapss FD001 test (truncated)', ...spec, rows: cmapssTestRows }));
  const cTest = expect(await call('POST', '/api/v1/ml/datasets', { body: cTestBody }), 201, 'uploading the C-MAPSS test engines');
  t0 = performance.now();
  const mwId = await startTraining({ model_type: 'maintenance_window', dataset_id: cTrain.dataset_id, params: { cap: RUL_CAP } });
  const mw = await waitTraining(mwId, t0);
  if (mw.view.state !== 'succeeded') throw new Error(`maintenance_window training failed: ${mw.view.error}`);
  const mwModel = await modelOf('maintenance_window', mw.view.model_id);
  const evaluation = await call('POST', '/api/v1/ml/evaluate', { body: { model_id: mw.view.model_id, dataset_id: cTest.dataset_id, at: 'last' } });
  const scored = expect(evaluation, 200, 'POST /api/v1/ml/evaluate');
  const meanRul = cuts.reduce((s, c) => s + c.rul, 0) / cuts.length;
  const trainMeanRul = cmapssTrainRows.reduce((s, r) => s + r.rul, 0) / cmapssTrainRows.length;
  const baseline = Math.sqrt(cuts.reduce((s, c) => s + (c.rul - trainMeanRul) ** 2, 0) / cuts.length);

  // ---- report -------------------------------------------------------------------------------------------------------
  log('\nResults');
  log('  1. dataset upload (POST /api/v1/ml/datasets, until 201)');
  log(`    AI4I CSV: ${ai4i.rows.toLocaleString('en')} rows, ${ai4i.columns.length} columns kept, ${kb(ai4iCsv.length)}: ${ms(ai4iUpload.elapsed)}`);
  log(
    `    generated JSON: ${wide.rows.toLocaleString('en')} rows × ${wide.columns.length} columns, ${mb(wideBody.length)} (${wideBody.length.toLocaleString('en')} bytes): ${ms(wideUpload.elapsed)} (${(wideBody.length / 1048576 / (wideUpload.elapsed / 1000)).toFixed(1)} MB/s)`,
  );
  const m = fr.view.metrics;
  log('  2. failure_risk on AI4I (label Machine failure; UDI, Product ID, Type, TWF, HDF, PWF, OSF, RNF excluded)');
  log(`    training: ${secs(fr.elapsed)} from POST to succeeded (${secs(serverMs(fr.view))} started → finished in the service)`);
  log(
    `    hold-out (${m.holdout_rows} rows, ${m.confusion?.tp + m.confusion?.fn} failures; trained on ${m.training_rows}): precision ${num(m.precision)}, recall ${num(m.recall)}, F1 ${num(m.f1)}, PR-AUC ${num(m.pr_auc)}, ROC-AUC ${num(m.roc_auc)} at threshold ${num(m.threshold)} (confusion tp ${m.confusion?.tp}, fp ${m.confusion?.fp}, fn ${m.confusion?.fn}, tn ${m.confusion?.tn})`,
  );
  log(
    `    model: version ${frModel.version}, ${frModel.features.length} features, ${frModel.size_bytes.toLocaleString('en')} bytes (${kb(frModel.size_bytes)}, gzip artifact), hyperparameters ${JSON.stringify(frModel.hyperparameters)}`,
  );
  log(
    `  3. failure-risk prediction latency, readings of AI4I rows (sample answer: ${num(sample.predicted_value, 4)}, ${sample.factors.length} factors, top ${sample.factors[0]?.feature})`,
  );
  log(`    ml service over NATS (ml.predict.failure-risk): ${summary(natsTimes)} after ${WARMUP} warm-up; aim p99 < 10 ms`);
  log(`      CPU time meanwhile: ${natsCpu}`);
  log(`    through the gateway (HTTP, keep-alive):         ${summary(httpTimes)} after ${WARMUP} warm-up`);
  log(`      CPU time meanwhile: ${httpCpu}`);
  log(
    `    while a second failure_risk training runs (${BG_TREES} trees, seed 2: queued → succeeded in ${secs(Date.parse(bg.view.finished_at) - Date.parse(bg.view.created_at))}, ${secs(serverMs(bg.view))} started → finished in the service; the measurement ${bgMeasuredUntil <= bgFinished ? `ended ${secs(bgFinished - bgMeasuredUntil)} before it` : `outlasted it by ${secs(bgMeasuredUntil - bgFinished)}`}):`,
  );
  log(`      over NATS:           ${summary(bgNatsDuring)} answered before the training finished, alternating with:`);
  log(`      through the gateway: ${summary(bgHttpDuring)} answered before the training finished`);
  log(`      CPU time meanwhile: ${bgCpu}`);
  const r = scored.metrics;
  const h = mw.view.metrics;
  log(
    `  4. maintenance_window on C-MAPSS FD001 (seed ${SEED}: ${trainUnits.length} training engines, ${testUnits.length} test engines cut at a random cycle ≥ ${MIN_CYCLES}; RUL capped at ${RUL_CAP})`,
  );
  log(
    `    upload: training engines ${cmapssTrainRows.length.toLocaleString('en')} rows, ${mb(cTrainBody.length)}, ${ms(cTrainUpload.elapsed)}; test engines ${cmapssTestRows.length.toLocaleString('en')} rows`,
  );
  log(
    `    training: ${secs(mw.elapsed)} from POST to succeeded (${secs(serverMs(mw.view))} in the service); its own hold-out (every row of ${h.holdout_rows} rows of held-out training engines): RMSE ${num(h.rmse, 2)}, MAE ${num(h.mae, 2)}`,
  );
  log(
    `    model: version ${mwModel.version}, ${mwModel.features.length} features, ${mwModel.size_bytes.toLocaleString('en')} bytes (${kb(mwModel.size_bytes)}, gzip artifact)`,
  );
  log(
    `    evaluate at "last" on the test engines: RMSE ${num(r.rmse, 2)}, MAE ${num(r.mae, 2)}, PHM08 score ${num(r.nasa_score, 1)}, ${scored.rows_scored} rows scored, ${ms(evaluation.elapsed)}`,
  );
  log(
    `    for reference on these cuts: true RUL mean ${meanRul.toFixed(1)}; predicting the training mean (${trainMeanRul.toFixed(1)}) gives RMSE ${baseline.toFixed(2)}`,
  );
  log(`  5. peak RSS: ml ${peakRssMb(ml.child.pid)} MB, gateway ${peakRssMb(gateway.child.pid)} MB`);
} finally {
  await nc?.close().catch(() => undefined);
  for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGTERM');
  await sleep(1500);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${tag} WITH (FORCE)`).catch(() => undefined);
  await admin.end();
}
