// The OEE of API.md's conventions for a 24/7 calendar, as one hand-written SQL query per question: the baseline the
// service's latency is compared with. Overlapping stops count once with the category priority, via multiranges;
// parts are attributed pro-rata by time; performance counts parts with a known ideal cycle time.

const CATEGORY = `CASE WHEN upper(trim(downtime_type)) IN ('BREAK','NO_DEMAND','SHUTDOWN','PLANNED') THEN 1
              WHEN upper(trim(downtime_type)) IN ('SETUP','CHANGEOVER','PLANNED_MAINTENANCE') THEN 2
              WHEN duration < 120 THEN 4 ELSE 3 END`;

const SECONDS = (mr) => `(SELECT coalesce(sum(extract(epoch FROM upper(x) - lower(x))), 0) FROM unnest(${mr}) x)`;

/** One machine, [from, to) split into UTC days: one row per day. */
export function machineDaySeriesSql(machineId, from, to) {
  const m = `'${machineId.replace(/'/g, "''")}'`;
  return `
WITH days AS (
  SELECT tstzrange(d, d + interval '1 day') AS r FROM generate_series('${from}'::timestamptz, '${to}'::timestamptz - interval '1 day', interval '1 day') d
), stops AS (
  SELECT ${CATEGORY} AS cat, tstzrange(start_time, end_time) AS r
  FROM analytics.downtime_records
  WHERE machine_id = ${m} AND deleted_at IS NULL AND end_time > '${from}' AND start_time < '${to}'
), per_day AS (
  SELECT days.r AS day,
    coalesce(range_agg(s.r * days.r) FILTER (WHERE s.cat = 1), '{}'::tstzmultirange) AS np,
    coalesce(range_agg(s.r * days.r) FILTER (WHERE s.cat = 2), '{}'::tstzmultirange) AS ps,
    coalesce(range_agg(s.r * days.r) FILTER (WHERE s.cat = 3), '{}'::tstzmultirange) AS us
  FROM days LEFT JOIN stops s ON s.r && days.r
  GROUP BY days.r
), jobs AS (
  SELECT days.r AS day, sum(j.produced * j.share) AS produced, sum(j.scrapped * j.share) AS scrapped, sum(j.ideal * j.produced * j.share) AS ideal
  FROM days CROSS JOIN LATERAL (
    SELECT parts_produced AS produced, parts_scrapped AS scrapped, ideal_cycle_time AS ideal,
      CASE WHEN coalesce(end_time, now()) <= start_time THEN (CASE WHEN start_time <@ days.r THEN 1 ELSE 0 END)
           ELSE extract(epoch FROM upper(tstzrange(start_time, coalesce(end_time, now())) * days.r) - lower(tstzrange(start_time, coalesce(end_time, now())) * days.r))
                / extract(epoch FROM coalesce(end_time, now()) - start_time) END AS share
    FROM analytics.jobs
    WHERE machine_id = ${m} AND deleted_at IS NULL AND start_time < upper(days.r) AND (end_time IS NULL OR end_time > lower(days.r))
  ) j
  GROUP BY days.r
), t AS (
  SELECT p.day, extract(epoch FROM upper(p.day) - lower(p.day)) - ${SECONDS('p.np')} AS planned,
         ${SECONDS('p.ps - p.np')} AS ps, ${SECONDS('p.us - p.np - p.ps')} AS us, j.produced, j.scrapped, j.ideal
  FROM per_day p LEFT JOIN jobs j ON j.day = p.day
)
SELECT lower(day) AS day, planned, planned - ps - us AS run,
  (planned - ps - us) / nullif(planned, 0) AS availability,
  ideal / nullif(planned - ps - us, 0) AS performance,
  (produced - scrapped) / nullif(produced, 0) AS quality
FROM t ORDER BY day`;
}

/** Every machine, [from, to) as one period: one row, summed over machines. */
export function allMachinesSql(from, to) {
  return `
WITH stops AS (
  SELECT machine_id, ${CATEGORY} AS cat, tstzrange(start_time, end_time) * tstzrange('${from}', '${to}') AS r
  FROM analytics.downtime_records
  WHERE deleted_at IS NULL AND end_time > '${from}' AND start_time < '${to}'
), per_machine AS (
  SELECT m.machine_id,
    coalesce(range_agg(s.r) FILTER (WHERE s.cat = 1), '{}'::tstzmultirange) AS np,
    coalesce(range_agg(s.r) FILTER (WHERE s.cat = 2), '{}'::tstzmultirange) AS ps,
    coalesce(range_agg(s.r) FILTER (WHERE s.cat = 3), '{}'::tstzmultirange) AS us
  FROM analytics.machines m LEFT JOIN stops s ON s.machine_id = m.machine_id
  WHERE m.deleted_at IS NULL
  GROUP BY m.machine_id
), times AS (
  SELECT extract(epoch FROM '${to}'::timestamptz - '${from}'::timestamptz) - ${SECONDS('np')} AS planned, ${SECONDS('ps - np')} AS ps, ${SECONDS('us - np - ps')} AS us
  FROM per_machine
), jobs AS (
  SELECT sum(parts_produced * share) AS produced, sum(parts_scrapped * share) AS scrapped, sum(ideal_cycle_time * parts_produced * share) AS ideal
  FROM (
    SELECT j.*, CASE WHEN coalesce(end_time, now()) <= start_time THEN 1
      ELSE extract(epoch FROM upper(tstzrange(start_time, coalesce(end_time, now())) * tstzrange('${from}', '${to}')) - lower(tstzrange(start_time, coalesce(end_time, now())) * tstzrange('${from}', '${to}')))
           / extract(epoch FROM coalesce(end_time, now()) - start_time) END AS share
    FROM analytics.jobs j JOIN analytics.machines m ON m.machine_id = j.machine_id AND m.deleted_at IS NULL
    WHERE j.deleted_at IS NULL AND j.start_time < '${to}' AND (j.end_time IS NULL OR j.end_time > '${from}')
  ) x
)
SELECT sum(planned) AS planned, sum(planned - ps - us) AS run,
  sum(planned - ps - us) / nullif(sum(planned), 0) AS availability,
  (SELECT ideal FROM jobs) / nullif(sum(planned - ps - us), 0) AS performance,
  (SELECT (produced - scrapped) / nullif(produced, 0) FROM jobs) AS quality
FROM times`;
}
