import mysql, { type Connection, type RowDataPacket } from 'mysql2/promise';
import type { SimulatorOptions } from '../cli/simulator-options';
import { ShopSimulator } from '../domain/shop-simulator';
import { ZoneClock } from '../domain/zone-clock';
import { SimulatorError, formatReport, runSimulation } from './simulation-run';

// The MariaDB of this machine (see ARCHITECTURE.md, "Running it").
const SERVER = { host: '127.0.0.1', port: 3306, user: 'root' };
const DATABASE = `cimco_sim_test_${process.pid}_${Date.now().toString(36)}`;
const END = Date.UTC(2025, 5, 4, 12); // Wednesday
const ZONE = 'Europe/Berlin';

const options: SimulatorOptions = {
  databaseUrl: `mysql://${SERVER.user}@${SERVER.host}:${SERVER.port}/${DATABASE}`,
  machines: 3,
  days: 2,
  seed: 7,
  timezone: ZONE,
  reset: true,
  live: false,
  speed: 1,
  readingsIntervalS: 60,
  endMs: END,
  holidays: true,
  rowsPerStatement: 500,
  machinePrefix: 'MC-',
  breakdownProne: 0,
};

/** Wall time of an instant in a zone by Intl alone, independent of the simulator's ZoneClock. */
function intlWall(utcMs: number): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
  }).formatToParts(new Date(utcMs));
  const f = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${f('year')}-${f('month')}-${f('day')} ${f('hour')}:${f('minute')}:${f('second')}.${f('fractionalSecond')}`;
}

describe(runSimulation.name, () => {
  let db: Connection;
  let report: Awaited<ReturnType<typeof runSimulation>>;
  const log: string[] = [];

  const count = async (sql: string): Promise<number> => {
    const [rows] = await db.query<RowDataPacket[]>(sql);
    return Number(rows[0]?.['n']);
  };

  beforeAll(async () => {
    report = await runSimulation(options, (line) => log.push(line));
    db = await mysql.createConnection({ ...SERVER, database: DATABASE, dateStrings: true });
  }, 30_000);

  afterAll(async () => {
    await db?.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``);
    await db?.end();
  });

  it('creates the database and tables and reports the rows it wrote', async () => {
    expect(report.database).toBe(DATABASE);
    for (const [table, n] of Object.entries(report.history.counts)) {
      expect(await count(`SELECT COUNT(*) AS n FROM ${table}`)).toBe(n);
    }
    expect(report.history.counts.machines).toBe(3);
    expect(report.history.counts.jobs).toBeGreaterThan(3);
    expect(report.history.counts.machine_readings).toBeGreaterThan(10_000);
    expect(report.history.counts.machine_readings % 6).toBe(0);
    expect(formatReport(report.history)).toMatch(/machine_readings\s+[\d,]+/);
    expect(formatReport(report.history)).toMatch(/rows\/s/);
  });

  it('references only machines and jobs that exist', async () => {
    for (const table of ['jobs', 'downtime_records', 'machine_events', 'machine_readings']) {
      expect(await count(`SELECT COUNT(*) AS n FROM ${table} t LEFT JOIN machines m ON m.machine_id = t.machine_id WHERE m.machine_id IS NULL`)).toBe(0);
    }
    for (const table of ['downtime_records', 'machine_events']) {
      expect(await count(`SELECT COUNT(*) AS n FROM ${table} t LEFT JOIN jobs j ON j.job_id = t.job_id WHERE t.job_id IS NOT NULL AND j.job_id IS NULL`)).toBe(
        0,
      );
    }
  });

  it('stores non-overlapping jobs with one open job at most per machine', async () => {
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM jobs a JOIN jobs b ON a.machine_id = b.machine_id AND a.job_id < b.job_id ' +
          'AND a.start_time < COALESCE(b.end_time, NOW(3) + INTERVAL 100 YEAR) AND b.start_time < COALESCE(a.end_time, NOW(3) + INTERVAL 100 YEAR)',
      ),
    ).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM (SELECT machine_id FROM jobs WHERE end_time IS NULL GROUP BY machine_id HAVING COUNT(*) > 1) x')).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM jobs WHERE (end_time IS NULL) <> (state IN ('SETUP', 'RUNNING'))")).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM jobs WHERE parts_scrapped > parts_produced OR end_time < start_time')).toBe(0);
  });

  it('writes DATETIMEs as wall time of the chosen zone', async () => {
    // The same seed simulated again in memory gives the instants; the database must hold their Berlin wall times.
    const expected = new ShopSimulator({
      machines: 3,
      seed: 7,
      clock: new ZoneClock(ZONE),
      startMs: END - 2 * 86_400_000,
      readingsIntervalMs: 60_000,
    }).advance(END);
    const [events] = await db.query<RowDataPacket[]>('SELECT machine_id, event_time, state FROM machine_events ORDER BY event_id');
    expect(events.map((e) => `${e['machine_id']} ${e['event_time']} ${e['state']}`)).toEqual(
      expected.events.map((e) => `${e.machineId} ${intlWall(e.eventTime)} ${e.state}`),
    );
    const [first] = await db.query<RowDataPacket[]>('SELECT reading_time FROM machine_readings ORDER BY reading_id LIMIT 1');
    expect(first[0]?.['reading_time']).toBe(intlWall(expected.readings[0]?.readingTime ?? 0));
    // Shifts start at 06:00 local time: 04:00 UTC in June.
    expect(await count("SELECT COUNT(*) AS n FROM machine_events WHERE TIME(event_time) = '06:00:00' AND state IN ('RUNNING', 'SETUP')")).toBeGreaterThan(0);
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM downtime_records WHERE downtime_type = 'BREAK' AND TIME(start_time) IN ('09:00:00', '11:30:00', '17:00:00', '19:00:00')",
      ),
    ).toBeGreaterThan(0);
  });

  it('refuses to write a second history on top of the first without --reset', async () => {
    await expect(runSimulation({ ...options, reset: false }, () => undefined)).rejects.toThrow(SimulatorError);
    await expect(runSimulation({ ...options, reset: false }, () => undefined)).rejects.toThrow(/--reset/);
  });

  it('keeps the shop running in live mode until stopped: new rows after the history, open jobs updated', async () => {
    const liveDb = `${DATABASE}_live`;
    const stop = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // Stopped some time after the live phase starts, so its first one-second tick has been written.
    const onLog = (line: string): void => {
      if (line.startsWith('Live:')) timer = setTimeout(() => stop.abort(), 2000);
    };
    try {
      // Two simulated hours per second.
      const live = await runSimulation(
        { ...options, databaseUrl: `mysql://${SERVER.user}@${SERVER.host}:${SERVER.port}/${liveDb}`, days: 0.25, live: true, speed: 7200, endMs: END },
        onLog,
        stop.signal,
      );
      expect(live.live).not.toBeNull();
      expect(live.live?.toMs).toBeGreaterThan(END + 3_600_000);
      expect(live.live?.counts.machine_events).toBeGreaterThan(0);
      expect(live.live?.counts.machine_readings).toBeGreaterThan(0);
      const [after] = await db.query<RowDataPacket[]>(
        `SELECT (SELECT COUNT(*) FROM \`${liveDb}\`.machine_events WHERE event_time >= ?) AS events, (SELECT COUNT(*) FROM \`${liveDb}\`.jobs WHERE end_time IS NULL) AS open_jobs`,
        [intlWall(END)],
      );
      expect(Number(after[0]?.['events'])).toBe(live.live?.counts.machine_events);
      expect(Number(after[0]?.['open_jobs'])).toBeLessThanOrEqual(3);
      expect(live.live?.jobUpdates).toBeGreaterThan(0);
    } finally {
      clearTimeout(timer);
      await db.query(`DROP DATABASE IF EXISTS \`${liveDb}\``);
    }
  }, 15_000);

  it('names the URL it tried when the server cannot be reached', async () => {
    await expect(runSimulation({ ...options, databaseUrl: 'mysql://root:secret@127.0.0.1:1/x' }, () => undefined)).rejects.toThrow(
      /mysql:\/\/root:\*\*\*@127\.0\.0\.1:1\/x/,
    );
  });
});
