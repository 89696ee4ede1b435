import {
  displayRow,
  displayText,
  MACHINE_STATES,
  recordProblems,
  SHOPFLOOR_SCHEMA,
  type CanonicalRecord,
  type FieldRule,
  type MachineState,
  type ShopfloorEntity,
} from '@shopfloor/contracts';
import { sourceTimeToUtc } from '../source/source-time';
import { ENTITY_SPECS } from '../source/source-fields';

export type SourceRow = Record<string, unknown>;
export type { CanonicalRecord };

/**
 * Plausibility rules: rows that are well-formed but cannot be true of a shop floor. Each is a setting
 * (IngestionEnv, PLAUSIBLE_*), and each quarantine reason it gives names its setting.
 */
export interface Plausibility {
  /** How far past the source's own clock a time may lie, in seconds (PLAUSIBLE_MAX_FUTURE_SECONDS). */
  maxFutureSeconds: number;
  /** The earliest time a record may state, epoch ms (PLAUSIBLE_EARLIEST_TIME). */
  earliestMs: number;
  /** The longest stop, in seconds (PLAUSIBLE_MAX_STOP_SECONDS). */
  maxStopSeconds: number;
  /** The longest job from start to end, in seconds (PLAUSIBLE_MAX_JOB_SECONDS). */
  maxJobSeconds: number;
  /** The largest magnitude of a reading (PLAUSIBLE_MAX_READING_ABS). */
  maxReadingMagnitude: number;
}

export const DEFAULT_PLAUSIBILITY: Plausibility = {
  maxFutureSeconds: 86_400,
  earliestMs: Date.UTC(1970, 0, 1),
  maxStopSeconds: 90 * 86_400,
  maxJobSeconds: 90 * 86_400,
  maxReadingMagnitude: 1e9,
};

export interface ValidationContext {
  /** IANA zone of the source's DATETIMEs. */
  timezone: string;
  /** Machine ids that exist in the source. */
  knownMachines: ReadonlySet<string>;
  /** The source database's clock (epoch ms, UTC) when the sync started. */
  sourceNowMs?: number;
  plausibility?: Plausibility;
  /** Source machine states (upper case) → canonical states, from the mapping; canonical names map to themselves. */
  eventStates?: Readonly<Record<string, MachineState>>;
}

export type Checked<T> = { ok: true; record: T } | { ok: false; reasons: string[] };

type Converted = { value: unknown } | { problem: string };

/** A source value as the canonical field wants it, or why it cannot be one. The schema then judges the value. */
function convert(rule: FieldRule, value: unknown, ctx: ValidationContext, entity: ShopfloorEntity): Converted {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'string' && value.trim() === '' && rule.kind !== 'text') return { value: null };
  switch (rule.kind) {
    case 'id':
    case 'text':
      if (typeof value === 'string') return { value: rule.kind === 'text' && value.trim() === '' ? null : value };
      if (typeof value === 'number' || typeof value === 'bigint') return { value: String(value) };
      return { problem: Buffer.isBuffer(value) ? 'is binary data, not text' : 'is not text' };
    case 'instant': {
      // A Date would be the driver's reading in its own zone, not the source's: only the source's text is trusted.
      const utc = typeof value === 'string' ? sourceTimeToUtc(value, ctx.timezone) : null;
      return utc === null ? { problem: 'is not a valid date and time' } : { value: utc };
    }
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : typeof value === 'string' ? Number(value.trim()) : NaN;
      // -0 becomes 0: JSON has no negative zero, and the record published must be the record received.
      return Number.isNaN(n) ? { problem: 'is not a number' } : { value: n === 0 ? 0 : n };
    }
    case 'enum': {
      if (typeof value !== 'string') return { problem: 'is not text' };
      const upper = value.trim().toUpperCase();
      if (entity === 'machine_events') {
        const mapped = ctx.eventStates?.[upper] ?? ((MACHINE_STATES as readonly string[]).includes(upper) ? upper : undefined);
        return mapped === undefined
          ? { problem: `${displayText(value, 40)} is not a known machine state (${MACHINE_STATES.join(', ')}, or one the mapping's event_states names)` }
          : { value: mapped };
      }
      return { value: upper };
    }
    case 'json': {
      if (typeof value === 'string') {
        const bytes = Buffer.byteLength(value, 'utf8');
        if (bytes > rule.maxBytes) return { problem: `is larger than ${rule.maxBytes} bytes as JSON (${bytes})` };
        try {
          return { value: JSON.parse(value) as unknown };
        } catch {
          return { problem: 'is not valid JSON' };
        }
      }
      return typeof value === 'object' && !Buffer.isBuffer(value) ? { value } : { problem: 'is not JSON' };
    }
  }
}

/** The reasons a well-formed record cannot be true, by the plausibility rules. */
function implausible(entity: ShopfloorEntity, record: Record<string, unknown>, ctx: ValidationContext): string[] {
  const rules = ctx.plausibility ?? DEFAULT_PLAUSIBILITY;
  const reasons: string[] = [];
  const fields = SHOPFLOOR_SCHEMA[entity].fields as Record<string, FieldRule>;
  const latest = ctx.sourceNowMs === undefined ? Infinity : ctx.sourceNowMs + rules.maxFutureSeconds * 1000;
  for (const [field, rule] of Object.entries(fields)) {
    const value = record[field];
    if (rule.kind !== 'instant' || typeof value !== 'string') continue;
    const ms = Date.parse(value);
    if (ms > latest) reasons.push(`${field} ${value} is later than the source's clock plus ${rules.maxFutureSeconds} s (PLAUSIBLE_MAX_FUTURE_SECONDS)`);
    if (ms < rules.earliestMs) reasons.push(`${field} ${value} is before ${new Date(rules.earliestMs).toISOString()} (PLAUSIBLE_EARLIEST_TIME)`);
  }
  switch (entity) {
    case 'jobs': {
      const { start_time: start, end_time: end, state } = record as { start_time: string; end_time: string | null; state: string };
      if (end !== null && Date.parse(end) - Date.parse(start) > rules.maxJobSeconds * 1000) {
        reasons.push(
          `the job lasts ${Math.round((Date.parse(end) - Date.parse(start)) / 1000)} s, longer than ${rules.maxJobSeconds} s (PLAUSIBLE_MAX_JOB_SECONDS)`,
        );
      }
      if (end === null && (state === 'COMPLETED' || state === 'ABORTED')) reasons.push(`the job is ${state} but has no end_time`);
      break;
    }
    case 'downtime_records': {
      const duration = record['duration'] as number;
      if (duration > rules.maxStopSeconds) reasons.push(`duration ${duration} s is longer than ${rules.maxStopSeconds} s (PLAUSIBLE_MAX_STOP_SECONDS)`);
      break;
    }
    case 'machine_readings': {
      const value = record['value'] as number;
      if (Math.abs(value) > rules.maxReadingMagnitude) reasons.push(`value ${value} is beyond ±${rules.maxReadingMagnitude} (PLAUSIBLE_MAX_READING_ABS)`);
      break;
    }
    case 'machines':
    case 'machine_events':
      break;
  }
  return reasons;
}

/**
 * Validates one source row of an entity and turns it into its canonical record (UTC times), or lists every reason
 * it cannot be one: the record schema's rules (the same every consumer applies), references to unknown machines, and
 * the plausibility rules.
 */
export function checkRow(entity: ShopfloorEntity, row: SourceRow, ctx: ValidationContext): Checked<CanonicalRecord> {
  const spec = ENTITY_SPECS[entity];
  const fields = SHOPFLOOR_SCHEMA[entity].fields as Record<string, FieldRule>;
  const record: Record<string, unknown> = {};
  const reasons: string[] = [];
  const unreadable = new Set<string>();
  for (const [source, field] of Object.entries(spec.canonical)) {
    const converted = convert(fields[field], row[source], ctx, entity);
    if ('problem' in converted) {
      reasons.push(`${source} ${converted.problem}`);
      unreadable.add(field);
      record[field] = null;
    } else {
      record[field] = converted.value;
    }
  }
  for (const reason of recordProblems(entity, record)) {
    const field = reason.slice(0, reason.indexOf(' '));
    if (unreadable.has(field)) continue;
    // Name the source's column, as the row has it (updated_at, not source_updated_at).
    const source = fields[field]?.source;
    reasons.push(source ? `${source}${reason.slice(field.length)}` : reason);
  }
  const machineId = record['machine_id'];
  if (entity !== 'machines' && typeof machineId === 'string' && reasons.every((r) => !r.startsWith('machine_id ')) && !ctx.knownMachines.has(machineId)) {
    reasons.push(`unknown machine ${displayText(machineId, 60)}`);
  }
  if (reasons.length === 0) reasons.push(...implausible(entity, record, ctx));
  return reasons.length === 0 ? { ok: true, record: record as unknown as CanonicalRecord } : { ok: false, reasons };
}

/** A row as jsonb-safe, bounded JSON for the quarantine (bigints and buffers as text, NULs escaped, long values cut). */
export function rawRow(row: SourceRow): Record<string, unknown> {
  return displayRow(row);
}
