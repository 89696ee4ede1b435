import { parseArgs } from 'node:util';
import { DEFAULT_MACHINE_PREFIX } from '../domain/machine-catalog';
import { ZoneClock } from '../domain/zone-clock';

export interface SimulatorOptions {
  databaseUrl: string;
  machines: number;
  days: number;
  seed: number;
  timezone: string;
  reset: boolean;
  live: boolean;
  speed: number;
  /** Null: no readings at all (--readings-interval-s 0). */
  readingsIntervalS: number | null;
  /** End of the history, UTC epoch ms. */
  endMs: number;
  holidays: boolean;
  rowsPerStatement: number;
  /** Start of the machine ids (MC- gives MC-001, MC-002, ...). */
  machinePrefix: string;
  /** The first this many machines wear out BREAKDOWN_PRONE_WEAR times faster. */
  breakdownProne: number;
}

export type ParsedOptions =
  | { kind: 'run'; options: SimulatorOptions }
  | { kind: 'calendars'; machines: number; timezone: string; machinePrefix: string }
  | { kind: 'help'; text: string }
  | { kind: 'error'; message: string };

export const HELP = `Usage: npm run simulate -- [options]

Fills a CIMCO MDC source database (MySQL / MariaDB) with a realistic, seeded shop floor: machines, jobs, downtime
records, machine events and sensor readings. Creates the database and the tables if they are missing.

Connection (from the environment or a flag, never stored):
  CIMCO_DATABASE_URL=mysql://user:password@host:3306/database
  --database-url <url>        overrides CIMCO_DATABASE_URL

Options:
  --machines <n>              machines in the shop (default 20)
  --machine-prefix <text>     start of the machine ids (default MC-: MC-001, MC-002, ...); letters, digits, - and _
  --breakdown-prone <n>       the first n machines wear out 3 times faster: breakdowns come sooner after each
                              maintenance or repair (default 0)
  --days <n>                  days of history before the end (default 30; fractions allowed)
  --seed <n>                  random seed; the same seed gives the same shop floor (default 1)
  --timezone <zone>           IANA zone whose wall time the DATETIMEs are written in (default UTC)
  --until, --end <ISO time>   end of the history (default now)
  --readings-interval-s <n>   sensor sample period in seconds (default 60; 0 = no readings)
  --reset                     drop and recreate the five source tables first
  --live                      after the history, keep writing as time passes (Ctrl-C stops)
  --speed <x>                 live time factor, e.g. 60 = one simulated minute per second (default 1)
  --no-holidays               work on fixed-date public holidays too
  --rows-per-statement <n>    rows per multi-row INSERT (default 2000)
  --print-calendars           print each machine's weekly shift plan as JSON for PUT /api/v1/calendars/{machine_id}
                              (uses --machines and --timezone; needs no database) and exit
  --help                      this text

Without --reset the tables must be empty: a second history on top of the first would repeat its ids.

Times are written as wall time of --timezone, like an MDC server's local clock: spring-forward wall times never
occur, and the repeated autumn hour appears twice (rows keep their real order by id). updated_at is the simulated
time of a row's last change, never later than the real time it is written.`;

const DEFAULTS = { machines: 20, days: 30, seed: 1, timezone: 'UTC', speed: 1, readingsIntervalS: 60, rowsPerStatement: 2000 };

function machineCount(raw: string | undefined): number {
  return number('machines', raw, DEFAULTS.machines, (n) => Number.isInteger(n) && n >= 1 && n <= 999, 'a whole number from 1 to 999');
}

function number(name: string, raw: string | undefined, fallback: number, check: (n: number) => boolean, rule: string): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || !check(n)) throw new RangeError(`--${name} ${raw}: expected ${rule}`);
  return n;
}

/** The simulator's settings from the command line and the environment. */
export function parseSimulatorOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, nowMs: number): ParsedOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        'database-url': { type: 'string' },
        machines: { type: 'string' },
        'machine-prefix': { type: 'string' },
        'breakdown-prone': { type: 'string' },
        days: { type: 'string' },
        seed: { type: 'string' },
        timezone: { type: 'string' },
        until: { type: 'string' },
        end: { type: 'string' },
        'readings-interval-s': { type: 'string' },
        reset: { type: 'boolean' },
        live: { type: 'boolean' },
        speed: { type: 'string' },
        'no-holidays': { type: 'boolean' },
        'rows-per-statement': { type: 'string' },
        'print-calendars': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (values['help'] === true) return { kind: 'help', text: HELP };
  const str = (name: string): string | undefined => values[name] as string | undefined;
  try {
    const timezoneOption = str('timezone') ?? DEFAULTS.timezone;
    const machinePrefix = str('machine-prefix') ?? DEFAULT_MACHINE_PREFIX;
    if (!/^[A-Za-z0-9_-]{1,20}$/.test(machinePrefix)) throw new RangeError(`--machine-prefix ${machinePrefix}: expected 1 to 20 letters, digits, - or _`);
    if (values['print-calendars'] === true) {
      if (!ZoneClock.isValidZone(timezoneOption)) throw new RangeError(`--timezone ${timezoneOption}: not an IANA time zone (e.g. Europe/Berlin)`);
      return { kind: 'calendars', machines: machineCount(str('machines')), timezone: timezoneOption, machinePrefix };
    }
    const databaseUrl = str('database-url') ?? env['CIMCO_DATABASE_URL'];
    if (!databaseUrl) throw new RangeError('no database: set CIMCO_DATABASE_URL (e.g. mysql://root@127.0.0.1:3306/cimco_demo) or pass --database-url');
    const timezone = str('timezone') ?? DEFAULTS.timezone;
    if (!ZoneClock.isValidZone(timezone)) throw new RangeError(`--timezone ${timezone}: not an IANA time zone (e.g. Europe/Berlin)`);
    const until = str('until') ?? str('end');
    if (str('until') !== undefined && str('end') !== undefined) throw new RangeError('--until and --end are the same option: give one');
    let endMs = nowMs;
    if (until !== undefined) {
      endMs = Date.parse(until);
      if (!/^\d{4}-\d{2}-\d{2}/.test(until) || Number.isNaN(endMs))
        throw new RangeError(`--until ${until}: expected an ISO 8601 time, e.g. 2025-06-01T00:00:00Z`);
    }
    const interval = number(
      'readings-interval-s',
      str('readings-interval-s'),
      DEFAULTS.readingsIntervalS,
      (n) => Number.isInteger(n) && n >= 0 && n <= 86_400,
      'whole seconds from 0 to 86400',
    );
    const options: SimulatorOptions = {
      databaseUrl,
      machines: machineCount(str('machines')),
      days: number('days', str('days'), DEFAULTS.days, (n) => n >= 0 && n <= 3660, 'a number of days from 0 (live only) to 3660'),
      seed: number('seed', str('seed'), DEFAULTS.seed, (n) => Number.isInteger(n) && Math.abs(n) <= 2 ** 32, 'a whole number'),
      timezone,
      reset: values['reset'] === true,
      live: values['live'] === true,
      speed: number('speed', str('speed'), DEFAULTS.speed, (n) => n > 0 && n <= 100_000, 'a factor above 0'),
      readingsIntervalS: interval === 0 ? null : interval,
      endMs,
      holidays: values['no-holidays'] !== true,
      machinePrefix,
      breakdownProne: 0,
      rowsPerStatement: number(
        'rows-per-statement',
        str('rows-per-statement'),
        DEFAULTS.rowsPerStatement,
        (n) => Number.isInteger(n) && n >= 1 && n <= 50_000,
        'a whole number from 1 to 50000',
      ),
    };
    options.breakdownProne = number(
      'breakdown-prone',
      str('breakdown-prone'),
      0,
      (n) => Number.isInteger(n) && n >= 0 && n <= options.machines,
      `a whole number from 0 to the machine count (${options.machines})`,
    );
    return { kind: 'run', options };
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
}
