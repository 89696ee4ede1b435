import { checkShopfloorBatch, SHOPFLOOR_ENTITIES, textProblem, type ShopfloorEntity } from '@shopfloor/contracts';
import fc from 'fast-check';
import { ENTITY_SPECS, type FieldKind } from '../source/source-fields';
import { checkRow, rawRow, type SourceRow, type ValidationContext } from './record-validation';

/**
 * The promise behind "nothing lost, nothing poisoned": a source row ingestion accepts is accepted by every consumer
 * (they validate with the same schema), and a row it refuses is kept in the quarantine in a form PostgreSQL can store.
 * Rows are generated as a hostile source would write them, at and beyond every limit.
 */

const EMOJI = '\u{1F600}';
const hostileText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('M-1', 'MC-001', 'Hermle C42', 'spindle_load', 'P-4711', '%') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', maxLength: 30 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      '   ',
      '\u0000',
      'M\u0000-1',
      '\ud800',
      'a\udc00b',
      'e\u0301'.repeat(20),
      '\u0007bell',
      '\u0085next',
      ' M-1',
      'M-1 ',
      '\u200bM',
      'M.1',
      'M 1',
      'M*>',
      EMOJI.repeat(19),
      EMOJI.repeat(20),
      EMOJI.repeat(21),
      EMOJI.repeat(49),
      EMOJI.repeat(50),
      EMOJI.repeat(51),
      EMOJI.repeat(100),
      EMOJI.repeat(101),
      'x'.repeat(50),
      'x'.repeat(51),
      'x'.repeat(100),
      'x'.repeat(101),
      'é'.repeat(40_000),
    ),
  },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(Buffer.from([0xff, 0x00])) },
);

const sqlDateTime = fc
  .record({
    y: fc.integer({ min: 1, max: 9999 }),
    mo: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
  })
  .map(
    ({ y, mo, d, h, mi, s }) =>
      `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')} ${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}`,
  );
const hostileTime = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 11, 1) }).map((ms) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '')),
  },
  { weight: 2, arbitrary: sqlDateTime },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '9999-12-31 23:59:59',
      '0000-00-00 00:00:00',
      '1969-12-31 23:59:59',
      '1970-01-01 00:00:00',
      '2026-02-30 00:00:00',
      'yesterday',
      '',
      '2026-03-29 02:30:00',
    ),
  },
  { weight: 1, arbitrary: fc.constant(null) },
);
const hostileNumber = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 10_000 }) },
  { weight: 2, arbitrary: fc.double() },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      1e308,
      -1e308,
      2 ** 31 - 1,
      2 ** 31,
      2 ** 53,
      2 ** 53 + 2,
      1e12,
      -5,
      0,
      -0,
      315_576_000,
      315_576_001,
      '42',
      ' 7 ',
      '1e400',
      'NaN',
      '0x10',
    ),
  },
  { weight: 1, arbitrary: fc.constant(null) },
);
const hostileJson = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  {
    weight: 2,
    arbitrary: fc
      .dictionary(fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 }), { maxKeys: 4 })
      .map((o) => JSON.stringify(o)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{"axes":5}',
      '{"a":"\\u0000"}',
      '{"\\u0000":1}',
      '{"a":"\\ud800"}',
      '{"a":' + '['.repeat(40) + ']'.repeat(40) + '}',
      '['.repeat(100_000) + ']'.repeat(100_000),
      JSON.stringify({ blob: 'x'.repeat(70_000) }),
      JSON.stringify({ blob: 'x'.repeat(65_000) }),
      '{not json',
      '[]',
      '"text"',
      'null',
    ),
  },
  { weight: 1, arbitrary: fc.constant(null) },
);

const VALUE_OF: Record<FieldKind, fc.Arbitrary<unknown>> = {
  string: hostileText,
  datetime: hostileTime,
  number: hostileNumber,
  integer: hostileNumber,
  json: hostileJson,
};
const STATES = fc.constantFrom('RUNNING', 'running', 'DOWN', 'EXPLODED', 'COMPLETED', 'QUEUED', 'done', 'PRODUCING');

/** A good row of each entity, which the generator spoils in a field or two (or entirely). */
const GOOD: Record<ShopfloorEntity, SourceRow> = {
  machines: {
    machine_id: 'M-1',
    name: 'Hermle C42',
    type: 'MILL',
    location: 'Hall 1',
    installation_date: '2019-05-01 00:00:00',
    specifications: '{"axes":5}',
    updated_at: '2026-01-15 08:30:00.123',
  },
  jobs: {
    job_id: 'J-1',
    machine_id: 'M-1',
    part_number: 'P-1',
    start_time: '2026-01-15 06:00:00',
    end_time: '2026-01-15 08:00:00',
    state: 'COMPLETED',
    operator_id: 'OP-7',
    setup_time: 900,
    cycle_time: 61.5,
    ideal_cycle_time: 55,
    parts_produced: 100,
    parts_scrapped: 3,
    updated_at: '2026-01-15 08:00:01.500',
  },
  downtime_records: {
    record_id: 'D-9',
    job_id: 'J-1',
    machine_id: 'M-1',
    downtime_type: 'BREAKDOWN',
    start_time: '2026-01-15 07:10:00',
    duration: 1200,
    reason_code: 'SPNDL',
    description: 'Spindle overheated',
    updated_at: '2026-01-15 07:40:00',
  },
  machine_events: { event_id: 5001, machine_id: 'M-1', event_time: '2026-01-15 06:00:00', state: 'RUNNING', reason_code: null, job_id: 'J-1', part_count: 0 },
  machine_readings: { reading_id: 7001, machine_id: 'M-1', reading_time: '2026-01-15 06:00:00', metric: 'spindle_load', value: 42.5, unit: '%' },
};

function rowOf(entity: ShopfloorEntity): fc.Arbitrary<SourceRow> {
  const fields = ENTITY_SPECS[entity].fields;
  const hostile = fc.record(
    Object.fromEntries(Object.entries(fields).map(([field, kind]) => [field, field === 'state' ? fc.oneof(STATES, hostileText) : VALUE_OF[kind]])),
  );
  const spoiled = fc
    .tuple(hostile, fc.subarray(Object.keys(fields), { minLength: 1, maxLength: 2 }))
    .map(([bad, chosen]) => ({ ...GOOD[entity], ...Object.fromEntries(chosen.map((f) => [f, bad[f]])) }));
  return fc.oneof({ weight: 3, arbitrary: spoiled }, { weight: 1, arbitrary: hostile });
}

const ctx: ValidationContext = {
  timezone: 'Europe/Berlin',
  knownMachines: new Set(['M-1', 'MC-001', 'Hermle C42', 'spindle_load', 'P-4711', '%', EMOJI.repeat(20), 'e\u0301'.repeat(20)]),
  sourceNowMs: Date.UTC(2026, 11, 5),
  eventStates: { PRODUCING: 'RUNNING' },
};

function storable(value: unknown): boolean {
  if (typeof value === 'string') return textProblem(value, {}) === null;
  if (value === null || typeof value !== 'object') return typeof value !== 'number' || Number.isFinite(value);
  return Object.entries(value as Record<string, unknown>).every(([k, v]) => textProblem(k, {}) === null && storable(v));
}

describe('a source row and its consumers', () => {
  it.each(SHOPFLOOR_ENTITIES)('%s: whatever ingestion accepts, every consumer accepts as it was sent', (entity) => {
    let accepted = 0;
    fc.assert(
      fc.property(rowOf(entity), (row) => {
        const checked = checkRow(entity, row, ctx);
        if (!checked.ok) {
          expect(checked.reasons.length).toBeGreaterThan(0);
          expect(storable(rawRow(row))).toBe(true);
          return;
        }
        accepted += 1;
        const wire: unknown = JSON.parse(JSON.stringify({ sync_id: 'sync-1', records: [checked.record] }));
        const batch = checkShopfloorBatch(entity, wire);
        expect(batch.rejected).toEqual([]);
        expect(batch.valid).toEqual([checked.record]);
      }),
      { numRuns: 1500, seed: 11 },
    );
    // Not vacuous: a good share of the generated rows is accepted.
    expect(accepted).toBeGreaterThan(150);
  });
});
