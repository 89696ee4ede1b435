import { ErrorCode } from '../error-codes';
import { MAX_RECORDS_PER_BATCH, SHOPFLOOR_SCHEMA } from './shopfloor-schema';
import { checkShopfloorBatch, fieldProblem, isCanonicalInstant, jsonProblem, recordProblems, textProblem } from './shopfloor-validator';

const EMOJI = '\u{1F600}';
const machine = {
  machine_id: 'M-1',
  name: 'Hermle C42',
  type: 'MILL',
  location: null,
  installation_date: null,
  specifications: { axes: 5 },
  source_updated_at: '2026-01-01T10:00:00.000Z',
};
const job = {
  job_id: 'J-1',
  machine_id: 'M-1',
  part_number: 'P-1',
  start_time: '2026-01-01T06:00:00.000Z',
  end_time: null,
  state: 'RUNNING',
  operator_id: null,
  setup_time: null,
  cycle_time: 31.5,
  ideal_cycle_time: 30,
  parts_produced: 100,
  parts_scrapped: 2,
  source_updated_at: '2026-01-01T10:00:00.000Z',
};

describe('textProblem', () => {
  it('counts characters as code points, as MySQL and PostgreSQL do, not UTF-16 units', () => {
    expect(textProblem(EMOJI.repeat(100), { maxChars: 100 })).toBeNull();
    expect(textProblem(EMOJI.repeat(101), { maxChars: 100 })).toBe('is longer than 100 characters (101)');
    // A combining mark is a code point of its own.
    expect(textProblem('e\u0301'.repeat(50), { maxChars: 100 })).toBeNull();
    expect(textProblem('e\u0301'.repeat(51), { maxChars: 100 })).toBe('is longer than 100 characters (102)');
  });

  it('counts bytes as UTF-8 bytes', () => {
    expect(textProblem('é'.repeat(32_767), { maxBytes: 65_535 })).toBeNull();
    expect(textProblem('é'.repeat(32_768), { maxBytes: 65_535 })).toBe('is longer than 65535 bytes in UTF-8 (65536)');
    expect(textProblem(EMOJI, { maxBytes: 3 })).toBe('is longer than 3 bytes in UTF-8 (4)');
  });

  it('refuses what PostgreSQL cannot hold: NUL and unpaired surrogates', () => {
    expect(textProblem('a\u0000b', {})).toBe('contains a NUL character');
    expect(textProblem('a\ud800', {})).toBe('contains an unpaired surrogate (not valid Unicode)');
    expect(textProblem('\udc00a', {})).toBe('contains an unpaired surrogate (not valid Unicode)');
    expect(textProblem('tab\tand\nnewline\u0007', {})).toBeNull();
  });

  it('keeps identifiers free of control characters and surrounding whitespace', () => {
    expect(textProblem('M\t1', { identifier: true })).toBe('contains the control character U+0009');
    expect(textProblem('M\u00851', { identifier: true })).toBe('contains the control character U+0085');
    expect(textProblem(' M-1', { identifier: true })).toBe('has leading or trailing whitespace');
    expect(textProblem('M-1\u3000', { identifier: true })).toBe('has leading or trailing whitespace');
    expect(textProblem('Maschine 1 – Halle Ä', { identifier: true })).toBeNull();
  });
});

describe('jsonProblem', () => {
  const rule = { maxBytes: 1000, maxDepth: 4 };

  it('accepts an object within its limits', () => {
    expect(jsonProblem({ a: [1, { b: 'x' }], c: null, d: true }, rule)).toBeNull();
  });

  it('refuses nesting too deep without overflowing the stack', () => {
    let deep: unknown = [];
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    expect(jsonProblem({ deep }, rule)).toBe('is nested deeper than 4 levels');
  });

  it('refuses strings and keys jsonb cannot hold, and non-finite numbers', () => {
    expect(jsonProblem({ a: 'x\u0000' }, rule)).toBe('has a string that contains a NUL character');
    expect(jsonProblem({ 'k\ud800': 1 }, rule)).toBe('has a key that contains an unpaired surrogate (not valid Unicode)');
    expect(jsonProblem({ a: Infinity }, rule)).toBe('has a number that is not finite');
  });

  it('refuses more bytes than its limit, and anything but an object', () => {
    expect(jsonProblem({ a: 'x'.repeat(2000) }, rule)).toBe('is larger than 1000 bytes as JSON (2008)');
    expect(jsonProblem([1], rule)).toBe('is not a JSON object');
    expect(jsonProblem('{}', rule)).toBe('is not a JSON object');
  });
});

describe('fieldProblem', () => {
  it('holds counts to what PostgreSQL integer columns store and times to canonical UTC instants', () => {
    const produced = SHOPFLOOR_SCHEMA.jobs.fields.parts_produced;
    expect(fieldProblem(produced, 2_147_483_647)).toBeNull();
    expect(fieldProblem(produced, 2_147_483_648)).toBe('is above 2147483647 (2147483648)');
    expect(fieldProblem(produced, 1.5)).toBe('is not a whole number');
    expect(fieldProblem(SHOPFLOOR_SCHEMA.machine_readings.fields.value, 1e308)).toBe('is above 1000000000000000 (1e+308)');
    expect(fieldProblem(SHOPFLOOR_SCHEMA.machine_readings.fields.value, Number.NaN)).toBe('is not a finite number');
    expect(fieldProblem(SHOPFLOOR_SCHEMA.jobs.fields.start_time, '2026-01-01T06:00:00Z')).toBe('is not a UTC time of the years 0001–9999');
    expect(fieldProblem(SHOPFLOOR_SCHEMA.jobs.fields.end_time, undefined)).toBeNull();
    expect(fieldProblem(SHOPFLOOR_SCHEMA.machine_events.fields.state, 'EXPLODED')).toBe('EXPLODED is not one of RUNNING, IDLE, SETUP, DOWN, OFFLINE');
  });

  it('knows the canonical instant exactly', () => {
    expect(isCanonicalInstant('2024-02-29T23:59:59.999Z')).toBe(true);
    expect(isCanonicalInstant('2023-02-29T00:00:00.000Z')).toBe(false);
    expect(isCanonicalInstant('0000-01-01T00:00:00.000Z')).toBe(false);
    expect(isCanonicalInstant('+010000-01-01T00:00:00.000Z')).toBe(false);
  });
});

describe('recordProblems', () => {
  it('lists every problem of a record, cross-field ones included', () => {
    expect(recordProblems('jobs', { ...job, end_time: '2026-01-01T05:00:00.000Z', parts_scrapped: 101, state: 'DONE', extra: 1 })).toEqual([
      'state DONE is not one of QUEUED, SETUP, RUNNING, PAUSED, COMPLETED, ABORTED',
      'extra is not a field of jobs',
      'end_time is before start_time',
      'parts_scrapped (101) is above parts_produced (100)',
    ]);
    expect(recordProblems('machines', machine)).toEqual([]);
    expect(recordProblems('machines', null)).toEqual(['the record is not an object']);
  });
});

describe(checkShopfloorBatch.name, () => {
  it('splits a batch into the records to apply and the ones to report, by position and key', () => {
    const checked = checkShopfloorBatch('jobs', { sync_id: 's', records: [job, { ...job, job_id: 'J-2', part_number: EMOJI.repeat(101) }, 7] });
    expect(checked.valid).toEqual([job]);
    expect(checked.rejected).toEqual([
      { index: 1, key: 'J-2', reasons: ['part_number is longer than 100 characters (101)'], record: expect.objectContaining({ job_id: 'J-2' }) },
      { index: 2, key: null, reasons: ['the record is not an object'], record: 7 },
    ]);
  });

  it('refuses a broken envelope whole', () => {
    for (const payload of [
      null,
      [],
      { records: [job] },
      { sync_id: 's', records: [] },
      { sync_id: 's', records: Array(MAX_RECORDS_PER_BATCH + 1).fill(job) },
      { sync_id: 's', records: [job], more: 1 },
    ]) {
      expect(() => checkShopfloorBatch('jobs', payload)).toThrow(expect.objectContaining({ code: ErrorCode.ValidationFailed }));
    }
  });

  it('checks a thousand records in a few milliseconds', () => {
    const records = Array.from({ length: MAX_RECORDS_PER_BATCH }, (_, i) => ({ ...job, job_id: `J-${i}` }));
    checkShopfloorBatch('jobs', { sync_id: 's', records });
    const started = process.hrtime.bigint();
    for (let i = 0; i < 10; i += 1) checkShopfloorBatch('jobs', { sync_id: 's', records });
    // Generous bound (ten batches): the point is the order of magnitude, decorators took hundreds of ms per batch.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(500);
  });
});
