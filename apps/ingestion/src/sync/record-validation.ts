import { JOB_STATES, type DowntimeRecord, type JobRecord, type MachineEventRecord, type MachineReadingRecord, type MachineRecord, type ShopfloorEntity } from '@shopfloor/contracts';
import { sourceTimeToUtc } from '../source/source-time';

export type SourceRow = Record<string, unknown>;

export interface ValidationContext {
  /** IANA zone of the source's DATETIMEs. */
  timezone: string;
  /** Machine ids that exist in the source. */
  knownMachines: ReadonlySet<string>;
}

export type CanonicalRecord = MachineRecord | JobRecord | DowntimeRecord | MachineEventRecord | MachineReadingRecord;

export type Checked<T> = { ok: true; record: T } | { ok: false; reasons: string[] };

/** Collects every problem of one row, so a quarantined row lists all its reasons at once. */
class RowChecker {
  readonly reasons: string[] = [];

  constructor(
    private readonly row: SourceRow,
    private readonly ctx: ValidationContext,
  ) {}

  text(field: string, options: { required: boolean; max: number }): string | null {
    const value = this.row[field];
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
      if (options.required) this.reasons.push(`${field} is missing`);
      return null;
    }
    const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'bigint' ? String(value) : null;
    if (text === null) {
      this.reasons.push(`${field} is not text`);
      return null;
    }
    // Characters as MySQL counts them (code points), not UTF-16 units.
    if (text.length > options.max && [...text].length > options.max) this.reasons.push(`${field} is longer than ${options.max} characters`);
    return text;
  }

  time(field: string, required: boolean): string | null {
    const value = this.row[field];
    if (value === null || value === undefined || value === '') {
      if (required) this.reasons.push(`${field} is missing`);
      return null;
    }
    const utc = typeof value === 'string' ? sourceTimeToUtc(value, this.ctx.timezone) : null;
    if (utc === null) this.reasons.push(`${field} is not a valid date and time`);
    return utc;
  }

  number(field: string, options: { required: boolean; min?: number; integer?: boolean }): number | null {
    const value = this.row[field];
    if (value === null || value === undefined || value === '') {
      if (options.required) this.reasons.push(`${field} is missing`);
      return null;
    }
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (!Number.isFinite(n)) {
      this.reasons.push(`${field} is not a number`);
      return null;
    }
    if (options.integer && !Number.isInteger(n)) this.reasons.push(`${field} is not a whole number`);
    if (options.min !== undefined && n < options.min) this.reasons.push(options.min === 0 ? `${field} is negative (${n})` : `${field} is below ${options.min} (${n})`);
    return n;
  }

  machine(field: string): string | null {
    const id = this.text(field, { required: true, max: 50 });
    if (id !== null && !this.ctx.knownMachines.has(id)) this.reasons.push(`unknown machine ${id}`);
    return id;
  }

  json(field: string): Record<string, unknown> | null {
    const value = this.row[field];
    if (value === null || value === undefined || value === '') return null;
    let parsed: unknown = value;
    if (typeof value === 'string') {
      try {
        parsed = JSON.parse(value);
      } catch {
        this.reasons.push(`${field} is not valid JSON`);
        return null;
      }
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      this.reasons.push(`${field} is not a JSON object`);
      return null;
    }
    return parsed as Record<string, unknown>;
  }

  result<T>(record: T): Checked<T> {
    return this.reasons.length === 0 ? { ok: true, record } : { ok: false, reasons: this.reasons };
  }
}

function checkMachine(row: SourceRow, ctx: ValidationContext): Checked<MachineRecord> {
  const c = new RowChecker(row, ctx);
  const record = {
    machine_id: c.text('machine_id', { required: true, max: 50 }) ?? '',
    name: c.text('name', { required: true, max: 100 }) ?? '',
    type: c.text('type', { required: true, max: 50 }) ?? '',
    location: c.text('location', { required: false, max: 100 }),
    installation_date: c.time('installation_date', false),
    specifications: c.json('specifications'),
    source_updated_at: c.time('updated_at', true) ?? '',
  };
  return c.result(record);
}

function checkJob(row: SourceRow, ctx: ValidationContext): Checked<JobRecord> {
  const c = new RowChecker(row, ctx);
  const rawState = c.text('state', { required: true, max: 20 });
  const state = rawState?.toUpperCase() ?? '';
  if (rawState !== null && !(JOB_STATES as readonly string[]).includes(state)) c.reasons.push(`state ${rawState} is not one of ${JOB_STATES.join(', ')}`);
  const record = {
    job_id: c.text('job_id', { required: true, max: 50 }) ?? '',
    machine_id: c.machine('machine_id') ?? '',
    part_number: c.text('part_number', { required: false, max: 100 }),
    start_time: c.time('start_time', true) ?? '',
    end_time: c.time('end_time', false),
    state: state as JobRecord['state'],
    operator_id: c.text('operator_id', { required: false, max: 50 }),
    setup_time: c.number('setup_time', { required: false, min: 0 }),
    cycle_time: c.number('cycle_time', { required: false, min: 0 }),
    ideal_cycle_time: c.number('ideal_cycle_time', { required: false, min: 0 }),
    parts_produced: c.number('parts_produced', { required: false, min: 0, integer: true }),
    parts_scrapped: c.number('parts_scrapped', { required: false, min: 0, integer: true }),
    source_updated_at: c.time('updated_at', true) ?? '',
  };
  if (record.start_time && record.end_time && record.end_time < record.start_time) c.reasons.push('end_time is before start_time');
  if (record.parts_scrapped !== null && record.parts_produced !== null && record.parts_scrapped > record.parts_produced) {
    c.reasons.push(`parts_scrapped (${record.parts_scrapped}) is above parts_produced (${record.parts_produced})`);
  }
  if (record.parts_scrapped !== null && record.parts_produced === null) c.reasons.push('parts_scrapped is set but parts_produced is missing');
  return c.result(record);
}

function checkDowntime(row: SourceRow, ctx: ValidationContext): Checked<DowntimeRecord> {
  const c = new RowChecker(row, ctx);
  const record = {
    record_id: c.text('record_id', { required: true, max: 50 }) ?? '',
    job_id: c.text('job_id', { required: false, max: 50 }),
    machine_id: c.machine('machine_id') ?? '',
    downtime_type: c.text('downtime_type', { required: true, max: 50 }) ?? '',
    start_time: c.time('start_time', true) ?? '',
    duration: c.number('duration', { required: true, min: 0 }) ?? 0,
    reason_code: c.text('reason_code', { required: false, max: 20 }),
    description: c.text('description', { required: false, max: 65_535 }),
    source_updated_at: c.time('updated_at', true) ?? '',
  };
  return c.result(record);
}

function checkEvent(row: SourceRow, ctx: ValidationContext): Checked<MachineEventRecord> {
  const c = new RowChecker(row, ctx);
  const record = {
    event_id: c.number('event_id', { required: true, min: 1, integer: true }) ?? 0,
    machine_id: c.machine('machine_id') ?? '',
    event_time: c.time('event_time', true) ?? '',
    state: (c.text('state', { required: true, max: 20 }) ?? '').toUpperCase(),
    reason_code: c.text('reason_code', { required: false, max: 20 }),
    job_id: c.text('job_id', { required: false, max: 50 }),
    part_count: c.number('part_count', { required: false, min: 0, integer: true }),
  };
  return c.result(record);
}

function checkReading(row: SourceRow, ctx: ValidationContext): Checked<MachineReadingRecord> {
  const c = new RowChecker(row, ctx);
  const record = {
    reading_id: c.number('reading_id', { required: true, min: 1, integer: true }) ?? 0,
    machine_id: c.machine('machine_id') ?? '',
    reading_time: c.time('reading_time', true) ?? '',
    metric: c.text('metric', { required: true, max: 50 }) ?? '',
    value: c.number('value', { required: true }) ?? 0,
    unit: c.text('unit', { required: false, max: 20 }),
  };
  return c.result(record);
}

const CHECKERS: { [E in ShopfloorEntity]: (row: SourceRow, ctx: ValidationContext) => Checked<CanonicalRecord> } = {
  machines: checkMachine,
  jobs: checkJob,
  downtime_records: checkDowntime,
  machine_events: checkEvent,
  machine_readings: checkReading,
};

/** Validates one source row of an entity and turns it into its canonical record (UTC times), or lists why not. */
export function checkRow(entity: ShopfloorEntity, row: SourceRow, ctx: ValidationContext): Checked<CanonicalRecord> {
  return CHECKERS[entity](row, ctx);
}

/** A row as JSON-safe data for the quarantine (bigints and buffers as text). */
export function rawRow(row: SourceRow): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : Buffer.isBuffer(v) ? v.toString('base64') : v]),
  );
}
