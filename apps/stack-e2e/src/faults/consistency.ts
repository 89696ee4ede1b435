import type { Connection } from 'mysql2/promise';
import { Client } from 'pg';

/** Per table: row count and exact integer checksums (sums of ids and of counted quantities). */
export type Summary = Record<string, Record<string, number>>;

const num = (row: Record<string, unknown>): Record<string, number> => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));

/** The CIMCO source as it is now (the whole source database is the suite's). */
export async function sourceSummary(source: Connection): Promise<Summary> {
  const q = async (sql: string): Promise<Record<string, number>> => {
    const [rows] = await source.query(sql);
    return num((rows as Record<string, unknown>[])[0]);
  };
  return {
    machines: await q(`SELECT COUNT(*) AS n, COALESCE(SUM(CRC32(CONCAT(machine_id, '|', type))), 0) AS crc FROM machines`),
    jobs: await q(
      `SELECT COUNT(*) AS n, COALESCE(SUM(parts_produced), 0) AS parts, COALESCE(SUM(parts_scrapped), 0) AS scrap, COALESCE(SUM(CRC32(job_id)), 0) AS crc FROM jobs`,
    ),
    downtime_records: await q(`SELECT COUNT(*) AS n, COALESCE(ROUND(SUM(duration)), 0) AS d, COALESCE(SUM(CRC32(record_id)), 0) AS crc FROM downtime_records`),
    machine_events: await q(`SELECT COUNT(*) AS n, COALESCE(SUM(event_id), 0) AS ids, COALESCE(SUM(part_count), 0) AS parts FROM machine_events`),
    machine_readings: await q(`SELECT COUNT(*) AS n, COALESCE(SUM(reading_id), 0) AS ids, COALESCE(ROUND(SUM(value)), 0) AS v FROM machine_readings`),
  };
}

/**
 * The same figures from analytics' read model and from ml's copy of the shop floor (rows not tombstoned). CRC32 is
 * computed in SQL on both sides the same way (PostgreSQL has none built in, so it is done here from the ids).
 */
export async function platformSummaries(adminDatabaseUrl: string): Promise<{ analytics: Summary; ml: Summary }> {
  const client = new Client({ connectionString: adminDatabaseUrl });
  await client.connect();
  try {
    const rows = async (sql: string): Promise<Record<string, unknown>[]> => (await client.query(sql)).rows as Record<string, unknown>[];
    const q = async (sql: string): Promise<Record<string, number>> => num((await rows(sql))[0]);
    const crcOf = async (sql: string): Promise<number> => (await rows(sql)).reduce((sum, r) => sum + crc32(String(r['k'])), 0);
    const live = 'deleted_at IS NULL';
    const analytics: Summary = {
      machines: {
        ...(await q(`SELECT COUNT(*) AS n FROM analytics.machines WHERE ${live}`)),
        crc: await crcOf(`SELECT machine_id || '|' || type AS k FROM analytics.machines WHERE ${live}`),
      },
      jobs: {
        ...(await q(
          `SELECT COUNT(*) AS n, COALESCE(SUM(parts_produced), 0) AS parts, COALESCE(SUM(parts_scrapped), 0) AS scrap FROM analytics.jobs WHERE ${live}`,
        )),
        crc: await crcOf(`SELECT job_id AS k FROM analytics.jobs WHERE ${live}`),
      },
      downtime_records: {
        ...(await q(`SELECT COUNT(*) AS n, COALESCE(ROUND(SUM(duration)), 0) AS d FROM analytics.downtime_records WHERE ${live}`)),
        crc: await crcOf(`SELECT record_id AS k FROM analytics.downtime_records WHERE ${live}`),
      },
      machine_events: await q(
        `SELECT COUNT(*) AS n, COALESCE(SUM(event_id), 0) AS ids, COALESCE(SUM(part_count), 0) AS parts FROM analytics.machine_events WHERE ${live}`,
      ),
      machine_readings: await q(
        `SELECT COUNT(*) AS n, COALESCE(SUM(reading_id), 0) AS ids, COALESCE(ROUND(SUM(value)::numeric), 0) AS v FROM analytics.machine_readings WHERE ${live}`,
      ),
    };
    const ml: Summary = {
      machines: {
        ...(await q(`SELECT COUNT(*) AS n FROM ml.machines WHERE ${live}`)),
        crc: await crcOf(`SELECT machine_id || '|' || type AS k FROM ml.machines WHERE ${live}`),
      },
      jobs: {
        ...(await q(`SELECT COUNT(*) AS n, COALESCE(SUM(parts_produced), 0) AS parts, COALESCE(SUM(parts_scrapped), 0) AS scrap FROM ml.jobs WHERE ${live}`)),
        crc: await crcOf(`SELECT job_id AS k FROM ml.jobs WHERE ${live}`),
      },
      downtime_records: {
        ...(await q(`SELECT COUNT(*) AS n, COALESCE(ROUND(SUM(duration)), 0) AS d FROM ml.stops WHERE ${live}`)),
        crc: await crcOf(`SELECT record_id AS k FROM ml.stops WHERE ${live}`),
      },
      machine_readings: await q(
        `SELECT COUNT(*) AS n, COALESCE(SUM(reading_id), 0) AS ids, COALESCE(ROUND(SUM(value)::numeric), 0) AS v FROM ml.readings WHERE ${live}`,
      ),
    };
    return { analytics, ml };
  } finally {
    await client.end();
  }
}

/** What ml keeps of the source: it has no copy of the state events. */
export function mlPartOf(source: Summary): Summary {
  return Object.fromEntries(Object.entries(source).filter(([table]) => table !== 'machine_events'));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (IEEE) of a string's UTF-8 bytes, equal to MySQL's CRC32(). */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, 'utf8')) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
