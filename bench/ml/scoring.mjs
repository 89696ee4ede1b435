#!/usr/bin/env node
// Scheduled scoring (apps/ml/src/scoring/scheduled-scoring.ts) through the built ml service on a fresh database:
//  - one round over every machine with recent data: wall time (ml.scoring_rounds started_at → finished_at),
//    predictions/s, what it made, skipped and failed, the CPU seconds the ml process (and Postgres, NATS) used
//    meanwhile, and the ml service's peak RSS;
//  - ml.predict.downtime { machine_id, horizon_hours: 24 } latency (p50/p95/p99 of sequential requests over NATS)
//    while the round runs, and idle afterwards.
//
//   npx nx run-many -t build -p ml
//   NATS_URL=nats://127.0.0.1:4324 node bench/ml/scoring.mjs [--machines 500] [--train-machines 20] [--seed 1]
//     [--idle 1000] [--warmup 100] [--keep]
//
// Uses DATABASE_ADMIN_URL (a fresh database is made and dropped) and NATS_URL (with JetStream; a nats-server of its
// own is best: `nats-server -js -p 4324 -sd /tmp/bench-nats`, since the round publishes every prediction).
//
// The shop floor is written straight into the ml service's copy tables (ml.machines, jobs, stops, readings), seeded
// (md5 of seed and row, no session random): per machine 60–90 days up to now of back-to-back 8-hour jobs (ideal
// cycle 60–180 s, actual 5–30 % slower, parts and 0–3 % scrap) with a 20-minute SETUP after each, BREAKDOWNs of
// 1–2 h every 2–6 days on average (Weibull shape 2 gaps: wear-out), a 4-hour PLANNED_MAINTENANCE every 30 days,
// about one shorter unplanned stop (MATERIAL, TOOLING, QUALITY, OPERATOR: 3–45 min) and one micro stop (JAM, 30–110 s)
// per 8 hours, and readings of spindle_load, spindle_temp, coolant_temp, vibration and power every 5–10 min over the
// last 8 days (a shift cycle on the load; temperature, vibration and power rising with the time since the last
// breakdown).
//
// How the timed round is made to happen: the models are trained on the first --train-machines machines by an ml
// service with scoring off (ML_SCORING_INTERVAL_SECONDS=0, ML_AUTO_TRAIN_MIN_DAYS=0, ML_RETRAIN_HOURS=0), which is
// then stopped; the other machines are inserted, and a second ml service starts with scoring on. Its first look (1 s
// after boot) finds an active set no round has scored yet (no replica scored while scoring was off), so it claims
// the round `models:<hash>` at once: exactly one round, over every machine. The interval is the longest allowed
// (86,400 s: slots start at midnight UTC) so no interval round follows during the idle measurement; the bench checks
// that none ran. Since no machine has an anomaly cursor yet, this is a first round: anomalies over the last 24
// completed hours of each machine (later rounds score only the hours completed since the previous one).
//
// Measured 2026-12-05, four runs (2 vCPUs shared with other stacks, Postgres 15 on the same host, a nats-server of
// its own; seed 1, 500 machines, 20 trained on):
//  - data: 113,552 jobs, 350,800 stops (10,050 breakdowns), 4,149,615 readings, written in 12 s + 61–82 s; training
//    the four types on 20 machines 29–33 s (hold-out ROC-AUC downtime 0.82, failure_risk 0.87), ml peak RSS 294–449 MB.
//  - the round alone: 500 machines, 2,080–2,093 predictions (500 each of downtime 24 h, downtime 168 h, failure_risk,
//    maintenance_window; 80–93 anomalies), 0 skipped, 0 errors; wall 18.5 / 20.0 / 20.4 / 30.8 s = 113 / 104 / 102 /
//    68 predictions/s, 37–62 ms per machine; CPU ml 12.0–13.7 s (44 % of one core in the slow run, 65–67 % in the
//    others: other stacks' processes used ~0.8 of the host's 2 vCPUs throughout), its Postgres backends 5.7–6.2 s,
//    nats-server 0.4–0.5 s; ml peak RSS 285–294 MB.
//  - ml.predict.downtime, idle: p50 38.7–47.9 ms, p95 54.0–66.8 ms, p99 79.5–91.6 ms (ml 15–18 ms + Postgres 12–19 ms
//    of CPU per request); while the round runs: p50 58.9–119 ms, p95 88–202 ms, p99 117–289 ms (544–596 requests; the
//    round then takes 33.5–71 s, every request being served between two machines).
//
// Where the time goes (BENCH_PROFILE=ml, the round alone; and the service's queries timed on the bench's database):
//  - wall ≈ ml CPU + its Postgres CPU (13.5 + 6.0 s ≈ 20 s): the round is one chain, each machine's reads, model
//    calls and writes one after another, so the two never overlap.
//  - ml CPU: 24 % decoding rows in the pg client (~9,200 rows per machine, ~8,300 of them readings) and 13 % sending
//    queries (~13 sequential queries per machine), 2 % the 4–5 JetStream publishes (each awaiting its ack); 13 % GC; 16 %
//    building a MachineFeatureExtractor (history index, sensor series, a WallClock with its own Intl.DateTimeFormat,
//    3.6 % alone) once per model call, i.e. 5 times per machine over the same history; 6 % SHAP factors.
//  - readings are read over 8 days (READINGS_MS) while the features read sensors over the short window only (24 h by
//    default; anomalies: 1-hour windows over the last 24 h): per machine 17.5 ms wall, 10.1 ms client and 8.1 ms
//    Postgres CPU over 8 days, against 2.7 / 1.7 / 1.2 ms over 25 h.
//  - asked predictions check the machine with MACHINES filtered by id, which first walks DATA_SPANS' skip scans over
//    every machine of jobs, stops and readings: 16.6 ms Postgres CPU per call at 500 machines, against 0.1 ms for an
//    index probe — most of a request's Postgres time, and growing with the fleet (idle p50 27–31 ms at 40–60 machines).
// Suggested (not done here): read readings from the longest short window of the active models (+ the anomaly
// lookback); check a machine by index probes; one feature extractor per machine per round shared by every model and
// one WallClock per zone; the machine's predictions in one INSERT with their previous values in one query, and the
// publishes awaited together; prefetch the next machine's history while scoring one (wall → max(ml, Postgres)).
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
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
const MACHINES = arg('machines', 500);
const TRAIN_MACHINES = arg('train-machines', 20);
const SEED = arg('seed', 1);
const IDLE = arg('idle', 1000);
const WARMUP = arg('warmup', 100);
/** Leaves the database in place (to look at its queries afterwards); drop it by hand. */
const KEEP = process.argv.includes('--keep');
/** The pid of the nats-server on this host serving NATS_URL's port, if any (its CPU time is then reported too). */
function natsServerPid(url) {
  const port = new URL(url).port || '4222';
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!/nats-server$/.test(args[0])) continue;
      const i = args.findIndex((a) => a === '-p' || a === '--port' || a === '-port');
      if ((i >= 0 ? args[i + 1] : '4222') === port) return Number(pid);
    } catch {
      // ended meanwhile
    }
  }
  return null;
}
const MODEL_TYPES = ['downtime', 'failure_risk', 'maintenance_window', 'anomaly'];
const env = process.env;
const adminUrl = env.DATABASE_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const natsUrl = env.NATS_URL || 'nats://127.0.0.1:4222';
const natsPid = natsServerPid(natsUrl);
const tag = `bench_scoring_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
const log = (...a) => console.log(...a);
const ms = (x) => `${x.toFixed(1)} ms`;
const secs = (x) => `${(x / 1000).toFixed(1)} s`;
const int = (x) => Number(x).toLocaleString('en');
const summary = (list) => {
  if (list.length === 0) return 'no requests';
  const sorted = [...list].sort((a, b) => a - b);
  return `p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted[sorted.length - 1])} (${sorted.length} requests)`;
};
/** Machine ids BS-M001…, as wide as the largest. */
const ID_WIDTH = Math.max(3, String(MACHINES).length);
const machineId = (i) => `BS-M${String(i).padStart(ID_WIDTH, '0')}`;

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

// ---- the shop floor, in SQL -----------------------------------------------------------------------------------------
// u(key): a uniform [0, 1) from md5 of the key, so the data depends on the seed only (not on plans or parallel workers).
const RANDOM_FN = `CREATE OR REPLACE FUNCTION pg_temp.u(key text) RETURNS float8 LANGUAGE sql IMMUTABLE AS
  $$ SELECT (('x' || substr(md5(key), 1, 8))::bit(32)::bigint)::float8 / 4294967296 $$`;

/** Statements that write machines [first, last] with history up to `now` (epoch ms). */
function shopFloorSql(first, last, now) {
  const s = `'${SEED}:'`;
  return [
    `DROP TABLE IF EXISTS bm`,
    // Per machine: history length, reading interval, cycle time, mean days between breakdowns.
    `CREATE TEMP TABLE bm AS
       SELECT i, format('BS-M%s', lpad(i::text, ${ID_WIDTH}, '0')) AS machine_id,
         date_trunc('minute', to_timestamp(${now} / 1000.0)) AS t_end,
         60 + floor(pg_temp.u(${s} || 'days:' || i) * 31)::int AS days,
         5 + floor(pg_temp.u(${s} || 'step:' || i) * 6)::int AS step_min,
         60 + pg_temp.u(${s} || 'cycle:' || i) * 120 AS ideal_cycle_s,
         2 + pg_temp.u(${s} || 'mtbf:' || i) * 4 AS mtbf_days
       FROM generate_series(${first}, ${last}) i`,
    `ALTER TABLE bm ADD COLUMN t_start timestamptz`,
    `UPDATE bm SET t_start = date_trunc('day', t_end) - make_interval(days => days) + interval '6 hours'`,
    `INSERT INTO ml.machines (machine_id, type, location, installation_date, source_updated_at)
       SELECT machine_id, CASE WHEN i % 3 = 0 THEN 'LATHE' ELSE 'MILL' END, 'Hall ' || (1 + i % 4), t_start - interval '3 years', t_start FROM bm`,
    // Back-to-back 8-hour jobs (3 shifts): 7 h 40 min of production, then a 20-minute SETUP; the current one runs.
    `INSERT INTO ml.jobs (job_id, machine_id, start_time, end_time, ideal_cycle_time, cycle_time, parts_produced, parts_scrapped, source_updated_at)
       SELECT j.job_id, j.machine_id, j.s, CASE WHEN j.e <= j.t_end THEN j.e END, j.ideal, j.cycle,
              CASE WHEN j.e <= j.t_end THEN j.parts END, CASE WHEN j.e <= j.t_end THEN floor(j.parts * 0.03 * pg_temp.u(${s} || 'scrap:' || j.job_id))::int END,
              least(j.e, j.t_end)
       FROM (SELECT bm.machine_id || '-J' || k AS job_id, bm.machine_id, bm.t_end,
                    bm.t_start + k * interval '8 hours' AS s, bm.t_start + k * interval '8 hours' + interval '460 minutes' AS e,
                    bm.ideal_cycle_s AS ideal, bm.ideal_cycle_s * (1.05 + 0.25 * pg_temp.u(${s} || 'speed:' || bm.machine_id || k)) AS cycle,
                    floor(27600 * (0.8 + 0.15 * pg_temp.u(${s} || 'avail:' || bm.machine_id || k)) / (bm.ideal_cycle_s * 1.2))::int AS parts
             FROM bm, generate_series(0, bm.days * 3 + 3) k) j
       WHERE j.s < j.t_end`,
    `INSERT INTO ml.stops (record_id, machine_id, downtime_type, start_time, duration, end_time, source_updated_at)
       SELECT bm.machine_id || '-SU' || k, bm.machine_id, 'SETUP', s, 1200, s + interval '20 minutes', s + interval '20 minutes'
       FROM bm, generate_series(0, bm.days * 3 + 3) k, LATERAL (SELECT bm.t_start + k * interval '8 hours' + interval '460 minutes' AS s) x
       WHERE s + interval '20 minutes' <= bm.t_end`,
    // Breakdowns: Weibull(shape 2) gaps with mean mtbf_days between the end of one and the start of the next.
    `INSERT INTO ml.stops (record_id, machine_id, downtime_type, start_time, duration, end_time, source_updated_at)
       SELECT b.machine_id || '-BD' || b.k, b.machine_id, 'BREAKDOWN', b.s, b.dur, b.s + make_interval(secs => b.dur), b.s + make_interval(secs => b.dur)
       FROM (SELECT bm.machine_id, bm.t_end, k, 3600 + 3600 * pg_temp.u(${s} || 'bdur:' || bm.machine_id || k) AS dur,
                    bm.t_start + make_interval(secs => sum(bm.mtbf_days / 0.8862 * sqrt(-ln(1 - pg_temp.u(${s} || 'gap:' || bm.machine_id || k))) * 86400
                                                           + 5400) OVER (PARTITION BY bm.machine_id ORDER BY k)) AS s
             FROM bm, generate_series(1, 120) k) b
       WHERE b.s + make_interval(secs => b.dur) <= b.t_end`,
    `INSERT INTO ml.stops (record_id, machine_id, downtime_type, start_time, duration, end_time, source_updated_at)
       SELECT bm.machine_id || '-PM' || k, bm.machine_id, 'PLANNED_MAINTENANCE', s, 14400, s + interval '4 hours', s + interval '4 hours'
       FROM bm, generate_series(1, 3) k, LATERAL (SELECT bm.t_start + k * interval '30 days' - interval '6 hours' AS s) x
       WHERE s + interval '4 hours' <= bm.t_end`,
    // Shorter unplanned stops (about one per 8 hours) and micro stops (about one per 8 hours).
    `INSERT INTO ml.stops (record_id, machine_id, downtime_type, start_time, duration, end_time, source_updated_at)
       SELECT x.machine_id || '-' || x.kind || x.h, x.machine_id, x.type, x.s, x.dur, x.s + make_interval(secs => x.dur), x.s + make_interval(secs => x.dur)
       FROM (SELECT bm.machine_id, bm.t_end, h, 'US' AS kind,
                    (ARRAY['MATERIAL', 'TOOLING', 'QUALITY', 'OPERATOR'])[1 + floor(4 * pg_temp.u(${s} || 'type:' || bm.machine_id || h))::int] AS type,
                    bm.t_start + h * interval '1 hour' + make_interval(secs => 3000 * pg_temp.u(${s} || 'at:' || bm.machine_id || h)) AS s,
                    180 + 2520 * pg_temp.u(${s} || 'dur:' || bm.machine_id || h) AS dur
             FROM bm, generate_series(0, bm.days * 24) h WHERE pg_temp.u(${s} || 'stop:' || bm.machine_id || h) < 1.0 / 8
             UNION ALL
             SELECT bm.machine_id, bm.t_end, h, 'MS', 'JAM',
                    bm.t_start + h * interval '1 hour' + make_interval(secs => 3000 * pg_temp.u(${s} || 'mat:' || bm.machine_id || h)),
                    30 + 80 * pg_temp.u(${s} || 'mdur:' || bm.machine_id || h)
             FROM bm, generate_series(0, bm.days * 24) h WHERE pg_temp.u(${s} || 'micro:' || bm.machine_id || h) < 1.0 / 8) x
       WHERE x.s + make_interval(secs => x.dur) <= x.t_end`,
    // Readings over the last 8 days; wear = days since the last breakdown ended, over the machine's mean gap.
    `INSERT INTO ml.readings (reading_id, machine_id, reading_time, metric, value)
       SELECT r.i::bigint * 100000000 + r.k * 10 + m.n, r.machine_id, r.t, m.metric,
              CASE m.metric
                WHEN 'spindle_load' THEN r.load
                WHEN 'spindle_temp' THEN 32 + 0.22 * r.load + 6 * r.wear + 2 * r.e1
                WHEN 'coolant_temp' THEN 21 + 0.5 * r.wear + 2 * r.e2
                WHEN 'vibration' THEN 1.1 + 1.6 * r.wear * r.wear + 0.4 * r.e3
                ELSE 0.13 * r.load * (1 + 0.08 * r.wear) + 0.5 * r.e1 END
       FROM (SELECT bm.i, bm.machine_id, k, t,
                    50 + 18 * sin(2 * pi() * extract(epoch FROM t) / 28800) + 10 * (pg_temp.u(${s} || 'l:' || bm.i || ':' || k) - 0.5) AS load,
                    least(2, extract(epoch FROM t - coalesce(
                      (SELECT max(st.end_time) FROM ml.stops st WHERE st.machine_id = bm.machine_id AND st.downtime_type = 'BREAKDOWN' AND st.end_time <= t),
                      bm.t_start)) / 86400 / bm.mtbf_days) AS wear,
                    pg_temp.u(${s} || 'e1:' || bm.i || ':' || k) - 0.5 AS e1,
                    pg_temp.u(${s} || 'e2:' || bm.i || ':' || k) - 0.5 AS e2,
                    pg_temp.u(${s} || 'e3:' || bm.i || ':' || k) - 0.5 AS e3
             FROM bm, generate_series(0, 8 * 24 * 60 / bm.step_min) k,
                  LATERAL (SELECT bm.t_end - interval '8 days' + k * make_interval(mins => bm.step_min) AS t) tt
             WHERE t <= bm.t_end) r,
            (VALUES (1, 'spindle_load'), (2, 'spindle_temp'), (3, 'coolant_temp'), (4, 'vibration'), (5, 'power')) AS m(n, metric)`,
    `ANALYZE ml.machines, ml.jobs, ml.stops, ml.readings`,
  ];
}

const processes = [];
let nc;
let db;
try {
  await provision({ adminUrl, database: tag });
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${tag}`;
  db = new pg.Client({ connectionString: dbUrl.toString() });
  const mlEnv = (port, interval) => ({
    NATS_URL: natsUrl,
    PORT: String(port),
    DATABASE_URL: serviceUrl(adminUrl, tag, 'ml'),
    ML_SCORING_INTERVAL_SECONDS: String(interval),
    ML_AUTO_TRAIN_MIN_DAYS: '0',
    ML_RETRAIN_HOURS: '0',
    ...(env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: env.BENCH_NODE_OPTIONS } : {}),
  });
  const startMl = async (interval) => {
    const port = await freePort();
    const ml = startService('ml', mlEnv(port, interval));
    processes.push(ml);
    await waitHttp(`http://127.0.0.1:${port}/health`).catch((error) => {
      throw new Error(`${error.message}\n--- ml\n${ml.output().slice(-3000)}`);
    });
    return ml;
  };
  const stopMl = async (ml) => {
    ml.child.kill('SIGTERM');
    for (let i = 0; i < 300 && ml.child.exitCode === null && ml.child.signalCode === null; i += 1) await sleep(100);
  };

  // ---- 1. an ml service with scoring off: the models, trained on the first machines -------------------------------
  const trainer = await startMl(0);
  nc = await connect({ servers: natsUrl });
  await db.connect();
  await db.query(RANDOM_FN);
  const insert = async (first, last) => {
    const t0 = performance.now();
    for (const sql of shopFloorSql(first, last, Date.now())) await db.query(sql);
    return performance.now() - t0;
  };
  const trainInsertMs = await insert(1, TRAIN_MACHINES);
  const trainings = [];
  for (const modelType of MODEL_TYPES) {
    const { training_id } = await rpc(nc, 'ml.train.start', { model_type: modelType });
    trainings.push({ modelType, id: training_id });
  }
  const trainT0 = performance.now();
  for (const t of trainings) {
    for (;;) {
      t.view = await rpc(nc, 'ml.train.get', { training_id: t.id });
      if (t.view.state === 'succeeded') break;
      if (t.view.state === 'failed') throw new Error(`${t.modelType} training failed: ${t.view.error}\n--- ml\n${trainer.output().slice(-3000)}`);
      if (performance.now() - trainT0 > 1_800_000) throw new Error(`${t.modelType} training still ${t.view.state} after 30 min`);
      await sleep(500);
    }
  }
  const trainMs = performance.now() - trainT0;
  const trainerRss = peakRssMb(trainer.child.pid);
  await stopMl(trainer);
  const restInsertMs = await insert(TRAIN_MACHINES + 1, MACHINES);
  const sizes = (
    await db.query(`SELECT (SELECT count(*) FROM ml.jobs)::int AS jobs, (SELECT count(*) FROM ml.stops)::int AS stops,
      (SELECT count(*) FROM ml.stops WHERE downtime_type = 'BREAKDOWN')::int AS breakdowns, (SELECT count(*) FROM ml.readings)::int AS readings`)
  ).rows[0];
  await db.query('CHECKPOINT');

  // ---- 2. an ml service with scoring on: the round, alone; then the same round again with requests meanwhile ---------
  const ids = Array.from({ length: MACHINES }, (_, i) => machineId(i + 1));
  let next = 0;
  const predict = async () => {
    const id = ids[(next += 7919) % ids.length];
    const t0 = performance.now();
    const sent = Date.now();
    await rpc(nc, 'ml.predict.downtime', { machine_id: id, horizon_hours: 24 }, 60_000);
    return { elapsed: performance.now() - t0, sent, answered: Date.now() };
  };
  /** CPU seconds of the ml process, of its Postgres backends (those of this database), and of the nats-server. */
  const ownCpu = async (ml) => {
    const { rows } = await db.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    const backends = rows.map((r) => {
      try {
        return cpuSeconds(r.pid);
      } catch {
        return 0; // ended meanwhile
      }
    });
    const own = process.cpuUsage();
    return {
      ml: cpuSeconds(ml.child.pid),
      postgres: backends.reduce((a, b) => a + b, 0),
      nats: natsPid ? cpuSeconds(natsPid) : NaN,
      bench: (own.user + own.system) / 1e6,
      host: cpuByProgram(),
    };
  };
  const cpuText = (a, b, wallMs) => {
    const ml = b.ml - a.ml;
    return `ml ${ml.toFixed(1)} s (${((100 * ml) / (wallMs / 1000)).toFixed(0)} % of one core), its Postgres backends ${(b.postgres - a.postgres).toFixed(1)} s${Number.isNaN(b.nats) ? '' : `, nats-server ${(b.nats - a.nats).toFixed(1)} s`}, this bench client ${(b.bench - a.bench).toFixed(1)} s`;
  };
  /** Starts an ml service with scoring on and waits for its round; `meanwhile` runs until the round is finished. */
  const timedRound = async (meanwhile) => {
    const ml = await startMl(86_400);
    let round = null;
    let failed = null;
    let atStart = null;
    let atEnd = null;
    // Polls the round's row: CPU is read as soon as the row appears and as soon as it is finished (±0.1 s).
    const watcher = (async () => {
      const deadline = Date.now() + 3_600_000;
      while (Date.now() < deadline) {
        const { rows } = await db.query(`SELECT * FROM ml.scoring_rounds WHERE round_key LIKE 'models:%'`);
        if (rows[0] && atStart === null) atStart = await ownCpu(ml);
        if (rows[0]?.finished_at) {
          atEnd = await ownCpu(ml);
          round = rows[0];
          return;
        }
        await sleep(100);
      }
      throw new Error(`no round finished within an hour\n--- ml\n${ml.output().slice(-3000)}`);
    })().catch((error) => {
      failed = error;
    });
    const done = () => round !== null || failed !== null;
    const [, extra] = await Promise.all([watcher, meanwhile(done)]);
    if (failed) throw failed;
    const wallMs = round.finished_at.getTime() - round.started_at.getTime();
    return { ml, round, wallMs, cpu: cpuText(atStart, atEnd, wallMs), hostCpu: cpuDelta(atStart.host, atEnd.host, 0.3), extra };
  };
  const roundCounts = async (round) =>
    // The round's own predictions: a machine's all carry the round's instant (its tick's now) as predicted_at, and the
    // 168-hour downtime ones are the round's only (the bench asks for 24 h); anomalies carry the time they were found.
    (
      await db.query(
        `WITH roundAt AS (SELECT predicted_at FROM ml.model_predictions WHERE model_type = 'downtime' AND horizon_hours = 168
                        AND predicted_at BETWEEN $1::timestamptz - interval '10 seconds' AND $2 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1)
       SELECT model_type, horizon_hours, count(*)::int AS n FROM ml.model_predictions
       WHERE predicted_at = (SELECT predicted_at FROM roundAt) OR (model_type = 'anomaly' AND predicted_at BETWEEN $1 AND $2)
       GROUP BY 1, 2 ORDER BY 1, 2`,
        [round.started_at, round.finished_at],
      )
    ).rows
      .map((r) => `${r.model_type}${r.horizon_hours === null ? '' : ` ${r.horizon_hours} h`} ${int(r.n)}`)
      .join(', ');

  const alone = await timedRound(async (done) => {
    while (!done()) await sleep(100);
  });
  const aloneRss = peakRssMb(alone.ml.child.pid);
  const aloneLogged = /"Scoring round done".*?"duration_ms":(\d+)/.exec(alone.ml.output())?.[1];
  const aloneByType = await roundCounts(alone.round);
  const aloneWarnings = alone.ml
    .output()
    .split('\n')
    .filter((l) => /Could not score/.test(l));
  await stopMl(alone.ml);
  // The same round again: forgotten, with the anomaly cursors, so the next ml service's first look claims it anew.
  await db.query(`DELETE FROM ml.scoring_rounds WHERE round_key LIKE 'models:%'`);
  await db.query('DELETE FROM ml.scoring_cursors');
  const busy = await timedRound(async (done) => {
    const list = [];
    while (!done()) list.push(await predict());
    return list;
  });
  const ml = busy.ml;
  const inRound = busy.extra.filter((r) => r.sent >= busy.round.started_at.getTime() && r.answered <= busy.round.finished_at.getTime());

  // ---- 3. idle latency, after the round --------------------------------------------------------------------------
  for (let i = 0; i < WARMUP; i += 1) await predict();
  const idleBefore = await ownCpu(ml);
  const idle = [];
  for (let i = 0; i < IDLE; i += 1) idle.push((await predict()).elapsed);
  const idleAfter = await ownCpu(ml);
  const rounds = (await db.query(`SELECT round_key, finished_at FROM ml.scoring_rounds WHERE round_key NOT LIKE 'prune:%' ORDER BY started_at`)).rows;
  const rss = Math.max(aloneRss, peakRssMb(ml.child.pid));

  // ---- report ------------------------------------------------------------------------------------------------------
  const r = alone.round;
  const perS = (n, wallMs) => (n / (wallMs / 1000)).toFixed(1);
  log('\nResults');
  log(
    `  data (seed ${SEED}): ${int(MACHINES)} machines, ${int(sizes.jobs)} jobs, ${int(sizes.stops)} stops (${int(sizes.breakdowns)} breakdowns), ${int(sizes.readings)} readings; written in ${secs(trainInsertMs)} (${TRAIN_MACHINES} machines) + ${secs(restInsertMs)} (${MACHINES - TRAIN_MACHINES})`,
  );
  log(`  training on ${TRAIN_MACHINES} machines, queued together, one at a time: ${secs(trainMs)} until all succeeded; ml peak RSS meanwhile ${trainerRss} MB`);
  for (const t of trainings) {
    const m = t.view.metrics ?? {};
    const figures = ['roc_auc', 'pr_auc', 'rmse', 'mae']
      .filter((k) => typeof m[k] === 'number')
      .map((k) => `${k} ${Number(m[k]).toFixed(3)}`)
      .join(', ');
    log(
      `    ${t.modelType.padEnd(18)} ${secs(Date.parse(t.view.finished_at) - Date.parse(t.view.started_at))} in the service${figures ? `; hold-out ${figures}` : ''}`,
    );
  }
  log(
    `  1. one scoring round, nothing else asked meanwhile (${r.round_key}: the first round after the models became active, so anomalies over the last 24 h of each machine):`,
  );
  log(`    ${int(r.machines)} machines, ${int(r.predictions)} predictions, ${int(r.skipped)} skipped, ${int(r.errors)} errors; stored: ${aloneByType}`);
  log(
    `    wall time ${secs(alone.wallMs)} (started_at → finished_at${aloneLogged ? `; the service logged duration_ms ${aloneLogged}` : ''}): ${perS(r.predictions, alone.wallMs)} predictions/s, ${perS(r.machines, alone.wallMs)} machines/s, ${(alone.wallMs / r.machines).toFixed(1)} ms per machine`,
  );
  log(`    CPU during the round: ${alone.cpu}`);
  log(`      every program on the host (shared: "ml", "node" and "postgres" include other stacks' processes): ${alone.hostCpu}`);
  log(`    ml peak RSS: ${rss} MB (of the two scoring processes; ${trainerRss} MB while training)`);
  if (aloneWarnings.length > 0) log(`    warnings:\n${aloneWarnings.slice(0, 5).join('\n')}`);
  log(`  2. ml.predict.downtime { machine_id, horizon_hours: 24 } over NATS, sequential, one machine after another:`);
  log(
    `    while the same round runs again (${int(busy.round.machines)} machines, ${int(busy.round.predictions)} predictions, ${int(busy.round.errors)} errors; wall time ${secs(busy.wallMs)} with these requests answered between machines):`,
  );
  log(`      ${summary(inRound.map((x) => x.elapsed))} (sent after started_at and answered before finished_at)`);
  log(`      CPU during that round: ${busy.cpu}`);
  log(`    idle, after it: ${summary(idle)} after ${WARMUP} warm-up`);
  log(
    `      CPU per request: ml ${(((idleAfter.ml - idleBefore.ml) / IDLE) * 1000).toFixed(1)} ms, its Postgres backends ${(((idleAfter.postgres - idleBefore.postgres) / IDLE) * 1000).toFixed(1)} ms`,
  );
  log(
    `    rounds recorded: ${rounds.map((x) => `${x.round_key} ${x.finished_at ? 'finished' : 'running'}`).join('; ')}${rounds.length === 1 ? ' (none other ran during the idle measurement)' : ' (ANOTHER ROUND RAN: the idle figures are not idle)'}`,
  );
} finally {
  await nc?.close().catch(() => undefined);
  await db?.end().catch(() => undefined);
  for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
  await sleep(1500);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if (KEEP) log(`database ${tag} kept`);
  else await admin.query(`DROP DATABASE IF EXISTS ${tag} WITH (FORCE)`).catch(() => undefined);
  await admin.end();
}
