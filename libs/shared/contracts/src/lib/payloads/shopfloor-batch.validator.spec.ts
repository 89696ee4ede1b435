import { isISO8601 } from 'class-validator';
import { validatePayload } from '../validate-payload';
import {
  checkDowntimeRecordsUpserted,
  checkJobsUpserted,
  checkMachineEventsAppended,
  checkMachineReadingsAppended,
  checkMachinesUpserted,
  checkRecordsDeleted,
  isCanonicalInstant,
  isIsoDateTime,
} from './shopfloor-batch.validator';
import { DowntimeRecordsUpserted, JobsUpserted, MachineEventsAppended, MachineReadingsAppended, MachinesUpserted, RecordsDeleted } from './shopfloor-records.payload';

const VALID = {
  machines: { machine_id: 'M-1', name: 'Hermle C42', type: 'MILL', location: 'Hall 1', installation_date: '2019-04-01T00:00:00.000Z', specifications: { axes: 5 }, source_updated_at: '2026-01-01T10:00:00.000Z' },
  jobs: {
    job_id: 'J-1', machine_id: 'M-1', part_number: 'P-1', start_time: '2026-01-01T06:00:00.000Z', end_time: null, state: 'RUNNING', operator_id: 'op7',
    setup_time: 300, cycle_time: 31.5, ideal_cycle_time: 30, parts_produced: 100, parts_scrapped: 2, source_updated_at: '2026-01-01T10:00:00.000Z',
  },
  downtime_records: { record_id: 'D-1', job_id: 'J-1', machine_id: 'M-1', downtime_type: 'BREAKDOWN', start_time: '2026-01-01T07:00:00.000Z', duration: 600, reason_code: 'SPINDLE', description: 'spindle bearing', source_updated_at: '2026-01-01T10:00:00.000Z' },
  machine_events: { event_id: 1, machine_id: 'M-1', event_time: '2026-01-01T06:00:00.000Z', state: 'RUNNING', reason_code: null, job_id: 'J-1', part_count: 0 },
  machine_readings: { reading_id: 1, machine_id: 'M-1', reading_time: '2026-01-01T06:00:00.000Z', metric: 'spindle_load', value: -3.5, unit: '%' },
} as const;

type AnyBatchClass = new () => object;

const PAIRS: readonly (readonly [keyof typeof VALID, AnyBatchClass, (payload: unknown) => unknown])[] = [
  ['machines', MachinesUpserted, checkMachinesUpserted],
  ['jobs', JobsUpserted, checkJobsUpserted],
  ['downtime_records', DowntimeRecordsUpserted, checkDowntimeRecordsUpserted],
  ['machine_events', MachineEventsAppended, checkMachineEventsAppended],
  ['machine_readings', MachineReadingsAppended, checkMachineReadingsAppended],
];

const MUTATIONS: [string, (v: unknown) => unknown][] = [
  ['null', () => null],
  ['missing', () => undefined],
  ['empty string', () => ''],
  ['a number', () => 7],
  ['a fractional number', () => 1.5],
  ['a negative number', () => -1],
  ['zero', () => 0],
  ['a long string', () => 'x'.repeat(101)],
  ['a string', () => 'text'],
  ['an impossible date', () => '2026-02-30T00:00:00Z'],
  ['a date without offset', () => '2026-01-01T06:00:00'],
  ['an object', () => ({ a: 1 })],
  ['an array', () => [1]],
  ['a boolean', () => true],
];

function verdict(run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch {
    return false;
  }
}

describe('shopfloor batch validators', () => {
  it.each(PAIRS)('accepts a valid %s batch like the decorated class does', (entity, cls, check) => {
    const batch = { sync_id: 's-1', records: [VALID[entity]] };
    expect(verdict(() => validatePayload(cls, structuredClone(batch)))).toBe(true);
    expect(verdict(() => check(structuredClone(batch)))).toBe(true);
  });

  it.each(PAIRS)('gives the same verdict as the decorated class for every field of a %s record set to odd values', (entity, cls, check) => {
    const disagreements: string[] = [];
    for (const field of Object.keys(VALID[entity])) {
      for (const [label, mutate] of MUTATIONS) {
        const record: Record<string, unknown> = { ...structuredClone(VALID[entity]) };
        const value = mutate(record[field]);
        if (value === undefined) delete record[field];
        else record[field] = value;
        const batch = { sync_id: 's-1', records: [record] };
        const slow = verdict(() => validatePayload(cls, structuredClone(batch)));
        const fast = verdict(() => check(structuredClone(batch)));
        if (slow !== fast) disagreements.push(`${field} = ${label}: class ${slow ? 'accepts' : 'rejects'}, fast ${fast ? 'accepts' : 'rejects'}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it.each(PAIRS)('rejects an unknown property, an empty or oversized batch and a missing sync_id of %s', (entity, _cls, check) => {
    expect(verdict(() => check({ sync_id: 's', records: [{ ...VALID[entity], extra: 1 }] }))).toBe(false);
    expect(verdict(() => check({ sync_id: 's', records: [] }))).toBe(false);
    expect(verdict(() => check({ sync_id: 's', records: Array.from({ length: 1001 }, () => VALID[entity]) }))).toBe(false);
    expect(verdict(() => check({ records: [VALID[entity]] }))).toBe(false);
    expect(verdict(() => check(null))).toBe(false);
  });

  it('names the offending field with its record index', () => {
    const error = (() => {
      try {
        checkMachineReadingsAppended({ sync_id: 's', records: [VALID.machine_readings, { ...VALID.machine_readings, value: 'high' }] });
      } catch (e) {
        return e as { code: string; fieldErrors: { field: string }[] };
      }
      return null;
    })();
    expect(error?.code).toBe('VALIDATION_FAILED');
    expect(error?.fieldErrors.map((f) => f.field)).toEqual(['records.1.value']);
  });

  it('checks deletions like the decorated class', () => {
    const good = { sync_id: 's', entity: 'jobs', keys: ['J-1'], deleted_at: '2026-01-01T00:00:00.000Z' };
    for (const batch of [good, { ...good, entity: 'parts' }, { ...good, keys: [] }, { ...good, keys: [''] }, { ...good, deleted_at: 'yesterday' }, { ...good, extra: true }]) {
      expect(verdict(() => checkRecordsDeleted(structuredClone(batch)))).toBe(verdict(() => validatePayload(RecordsDeleted, structuredClone(batch))));
    }
  });

  it.each([
    ['2026-01-01T06:00:00.000Z', true],
    ['2026-01-01T06:00:00+01:00', true],
    ['2026-01-01', true],
    ['2026-02-29T00:00:00Z', false],
    ['2026-13-01T00:00:00Z', false],
    ['2026-01-01T24:00:00Z', false],
    ['yesterday', false],
    ['2024-02-29T00:00:00.000Z', true],
    ['2026-12-31T23:59:59.999Z', true],
    ['2026-02-29T00:00:00.000Z', false],
    ['2026-04-31T00:00:00.000Z', false],
    ['2026-00-10T00:00:00.000Z', false],
    ['2026-01-01T24:00:00.000Z', false],
    ['2026-01-01T00:60:00.000Z', false],
    ['2026-01-01T00:00:00.00aZ', false],
    ['2026-01-01T00:00:00+0100', true],
  ])('isIsoDateTime(%s) is %s', (value, expected) => {
    expect(isIsoDateTime(value)).toBe(expected);
  });

  it('accepts every toISOString() instant, like the class-validator rule does', () => {
    let t = Date.UTC(1999, 11, 31);
    for (let i = 0; i < 5000; i += 1) {
      t += 7_654_321_987 + i;
      const value = new Date(t).toISOString();
      expect(isCanonicalInstant(value)).toBe(true);
      expect(isISO8601(value, { strict: true })).toBe(true);
    }
  });
});
