import { JOB_STATES } from '@shopfloor/contracts';
import { checkRow, rawRow, type Checked, type CanonicalRecord, type SourceRow, type ValidationContext } from './record-validation';

const utc: ValidationContext = { timezone: 'UTC', knownMachines: new Set(['M-01', 'M-02', '101']) };
const berlin: ValidationContext = { ...utc, timezone: 'Europe/Berlin' };

function reasonsOf(checked: Checked<CanonicalRecord>): string[] {
  if (checked.ok) throw new Error(`expected the row to be rejected, got ${JSON.stringify(checked.record)}`);
  return checked.reasons;
}

function recordOf(checked: Checked<CanonicalRecord>): CanonicalRecord {
  if (!checked.ok) throw new Error(`expected the row to be accepted, got ${checked.reasons.join('; ')}`);
  return checked.record;
}

const machineRow = (overrides: SourceRow = {}): SourceRow => ({
  machine_id: 'M-01',
  name: 'DMG Mori DMU 50',
  type: 'MILL',
  location: 'Hall A',
  installation_date: '2019-05-01 00:00:00',
  specifications: '{"axes":5,"spindle_rpm":18000}',
  updated_at: '2026-01-15 08:30:00.123',
  ...overrides,
});

const jobRow = (overrides: SourceRow = {}): SourceRow => ({
  job_id: 'J-1001',
  machine_id: 'M-01',
  part_number: 'P-4711',
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
  ...overrides,
});

const downtimeRow = (overrides: SourceRow = {}): SourceRow => ({
  record_id: 'D-9',
  job_id: 'J-1001',
  machine_id: 'M-02',
  downtime_type: 'BREAKDOWN',
  start_time: '2026-01-15 07:10:00',
  duration: 1200,
  reason_code: 'SPNDL',
  description: 'Spindle overheated',
  updated_at: '2026-01-15 07:40:00',
  ...overrides,
});

const eventRow = (overrides: SourceRow = {}): SourceRow => ({
  event_id: 5001,
  machine_id: 'M-01',
  event_time: '2026-01-15 06:00:00.250',
  state: 'RUNNING',
  reason_code: null,
  job_id: 'J-1001',
  part_count: 120,
  ...overrides,
});

const readingRow = (overrides: SourceRow = {}): SourceRow => ({
  reading_id: 77,
  machine_id: 'M-02',
  reading_time: '2026-01-15 06:00:05',
  metric: 'spindle_load',
  value: 42.5,
  unit: '%',
  ...overrides,
});

describe('checkRow', () => {
  describe('machines', () => {
    it('turns a valid row into the canonical machine', () => {
      expect(recordOf(checkRow('machines', machineRow(), utc))).toEqual({
        machine_id: 'M-01',
        name: 'DMG Mori DMU 50',
        type: 'MILL',
        location: 'Hall A',
        installation_date: '2019-05-01T00:00:00.000Z',
        specifications: { axes: 5, spindle_rpm: 18000 },
        source_updated_at: '2026-01-15T08:30:00.123Z',
      });
    });

    it('accepts a machine without optional fields', () => {
      expect(recordOf(checkRow('machines', machineRow({ location: null, installation_date: null, specifications: null }), utc))).toEqual({
        machine_id: 'M-01',
        name: 'DMG Mori DMU 50',
        type: 'MILL',
        location: null,
        installation_date: null,
        specifications: null,
        source_updated_at: '2026-01-15T08:30:00.123Z',
      });
    });

    it('does not require the machine to be known already', () => {
      expect(recordOf(checkRow('machines', machineRow({ machine_id: 'M-NEW' }), utc))).toMatchObject({ machine_id: 'M-NEW' });
    });

    it('accepts specifications the driver already parsed', () => {
      expect(recordOf(checkRow('machines', machineRow({ specifications: { axes: 3 } }), utc))).toMatchObject({ specifications: { axes: 3 } });
    });

    it('quarantines specifications that are not valid JSON', () => {
      expect(reasonsOf(checkRow('machines', machineRow({ specifications: '{axes: 5' }), utc))).toEqual(['specifications is not valid JSON']);
    });

    it('quarantines specifications that are a JSON array', () => {
      expect(reasonsOf(checkRow('machines', machineRow({ specifications: '[5, 18000]' }), utc))).toEqual(['specifications is not a JSON object']);
    });

    it('quarantines specifications that are a JSON scalar', () => {
      expect(reasonsOf(checkRow('machines', machineRow({ specifications: '42' }), utc))).toEqual(['specifications is not a JSON object']);
    });

    it('quarantines a machine without an id, name or type', () => {
      expect(reasonsOf(checkRow('machines', machineRow({ machine_id: null, name: '   ', type: undefined }), utc))).toEqual([
        'machine_id is missing',
        'name is missing',
        'type is missing',
      ]);
    });

    it('quarantines a machine without updated_at', () => {
      expect(reasonsOf(checkRow('machines', machineRow({ updated_at: null }), utc))).toEqual(['updated_at is missing']);
    });

    it('accepts a name of exactly 100 characters and quarantines a longer one', () => {
      expect(checkRow('machines', machineRow({ name: 'N'.repeat(100) }), utc).ok).toBe(true);
      expect(reasonsOf(checkRow('machines', machineRow({ name: 'N'.repeat(101) }), utc))).toEqual(['name is longer than 100 characters (101)']);
    });

    it('quarantines a name that is not text', () => {
      expect(reasonsOf(checkRow('machines', machineRow({ name: true }), utc))).toEqual(['name is not text']);
    });

    it('quarantines an unparseable installation date', () => {
      expect(reasonsOf(checkRow('machines', machineRow({ installation_date: 'last spring' }), utc))).toEqual([
        'installation_date is not a valid date and time',
      ]);
    });
  });

  describe('jobs', () => {
    it('turns a valid row into the canonical job with UTC times', () => {
      const row = jobRow({ start_time: '2026-07-15 08:00:00', end_time: '2026-07-15 10:30:00', updated_at: '2026-07-15 10:30:00.500' });
      expect(recordOf(checkRow('jobs', row, berlin))).toEqual({
        job_id: 'J-1001',
        machine_id: 'M-01',
        part_number: 'P-4711',
        start_time: '2026-07-15T06:00:00.000Z',
        end_time: '2026-07-15T08:30:00.000Z',
        state: 'COMPLETED',
        operator_id: 'OP-7',
        setup_time: 900,
        cycle_time: 61.5,
        ideal_cycle_time: 55,
        parts_produced: 100,
        parts_scrapped: 3,
        source_updated_at: '2026-07-15T08:30:00.500Z',
      });
    });

    it('accepts a running job without an end time or counts', () => {
      const row = jobRow({
        end_time: null,
        state: 'RUNNING',
        parts_produced: null,
        parts_scrapped: null,
        setup_time: null,
        cycle_time: null,
        ideal_cycle_time: null,
      });
      expect(recordOf(checkRow('jobs', row, utc))).toMatchObject({
        end_time: null,
        state: 'RUNNING',
        parts_produced: null,
        parts_scrapped: null,
        cycle_time: null,
      });
    });

    it('accepts a job that ends when it starts', () => {
      expect(checkRow('jobs', jobRow({ end_time: '2026-01-15 06:00:00' }), utc).ok).toBe(true);
    });

    it('reads the job state case-insensitively', () => {
      expect(recordOf(checkRow('jobs', jobRow({ state: 'running' }), utc))).toMatchObject({ state: 'RUNNING' });
      expect(recordOf(checkRow('jobs', jobRow({ state: 'Paused' }), utc))).toMatchObject({ state: 'PAUSED' });
    });

    it.each(JOB_STATES.map((s) => [s]))('accepts the job state %s', (state) => {
      expect(recordOf(checkRow('jobs', jobRow({ state }), utc))).toMatchObject({ state });
    });

    it('quarantines an invalid job state', () => {
      expect(reasonsOf(checkRow('jobs', jobRow({ state: 'FINISHED' }), utc))).toEqual([
        'state FINISHED is not one of QUEUED, SETUP, RUNNING, PAUSED, COMPLETED, ABORTED',
      ]);
    });

    it('quarantines a job without a key, machine, state or start', () => {
      expect(reasonsOf(checkRow('jobs', jobRow({ job_id: '', machine_id: null, state: null, start_time: null }), utc))).toEqual(
        expect.arrayContaining(['job_id is missing', 'machine_id is missing', 'state is missing', 'start_time is missing']),
      );
      expect(reasonsOf(checkRow('jobs', jobRow({ job_id: '', machine_id: null, state: null, start_time: null }), utc))).toHaveLength(4);
    });

    it('quarantines a job on an unknown machine', () => {
      expect(reasonsOf(checkRow('jobs', jobRow({ machine_id: 'M-99' }), utc))).toEqual(['unknown machine M-99']);
    });

    it('quarantines a job that ends before it starts', () => {
      expect(reasonsOf(checkRow('jobs', jobRow({ start_time: '2026-01-15 08:00:00', end_time: '2026-01-15 07:59:59.999' }), utc))).toEqual([
        'end_time is before start_time',
      ]);
    });

    it('compares start and end as instants in the source zone', () => {
      expect(recordOf(checkRow('jobs', jobRow({ start_time: '2026-10-25 01:50:00', end_time: '2026-10-25 03:10:00' }), berlin))).toMatchObject({
        start_time: '2026-10-24T23:50:00.000Z',
        end_time: '2026-10-25T02:10:00.000Z',
      });
      expect(reasonsOf(checkRow('jobs', jobRow({ start_time: '2026-07-15 10:00:00', end_time: '2026-07-15 09:00:00' }), berlin))).toEqual([
        'end_time is before start_time',
      ]);
    });

    it('quarantines negative counts and times', () => {
      expect(reasonsOf(checkRow('jobs', jobRow({ parts_produced: -1, parts_scrapped: null, cycle_time: -2.5 }), utc))).toEqual([
        'cycle_time is negative (-2.5)',
        'parts_produced is negative (-1)',
      ]);
    });

    it('quarantines fractional counts', () => {
      expect(reasonsOf(checkRow('jobs', jobRow({ parts_produced: 10.5, parts_scrapped: 0.5 }), utc))).toEqual([
        'parts_produced is not a whole number',
        'parts_scrapped is not a whole number',
      ]);
    });

    it('quarantines more scrapped parts than produced', () => {
      expect(reasonsOf(checkRow('jobs', jobRow({ parts_produced: 10, parts_scrapped: 12 }), utc))).toEqual([
        'parts_scrapped (12) is above parts_produced (10)',
      ]);
    });

    it('accepts all parts scrapped', () => {
      expect(checkRow('jobs', jobRow({ parts_produced: 10, parts_scrapped: 10 }), utc).ok).toBe(true);
    });

    it('quarantines scrapped parts without a produced count', () => {
      expect(reasonsOf(checkRow('jobs', jobRow({ parts_produced: null, parts_scrapped: 2 }), utc))).toEqual([
        'parts_scrapped is set but parts_produced is missing',
      ]);
    });

    it('quarantines a count that is not a number', () => {
      expect(reasonsOf(checkRow('jobs', jobRow({ parts_produced: 'many', parts_scrapped: null }), utc))).toEqual(['parts_produced is not a number']);
    });

    it('quarantines an unparseable or impossible start time', () => {
      expect(reasonsOf(checkRow('jobs', jobRow({ start_time: 'yesterday' }), utc))).toEqual(['start_time is not a valid date and time']);
      expect(reasonsOf(checkRow('jobs', jobRow({ start_time: '2026-02-30 06:00:00', end_time: null }), utc))).toEqual([
        'start_time is not a valid date and time',
      ]);
    });

    it('quarantines a time the driver delivered as a Date instead of source text', () => {
      expect(reasonsOf(checkRow('jobs', jobRow({ end_time: new Date('2026-01-15T08:00:00Z') }), utc))).toEqual(['end_time is not a valid date and time']);
    });

    it('accepts numeric strings as DECIMAL columns may arrive', () => {
      const row = jobRow({ setup_time: '900.000', cycle_time: '61.50', ideal_cycle_time: '55', parts_produced: '100', parts_scrapped: '3' });
      expect(recordOf(checkRow('jobs', row, utc))).toMatchObject({
        setup_time: 900,
        cycle_time: 61.5,
        ideal_cycle_time: 55,
        parts_produced: 100,
        parts_scrapped: 3,
      });
    });

    it('quarantines overlong strings', () => {
      expect(reasonsOf(checkRow('jobs', jobRow({ job_id: 'J'.repeat(51), part_number: 'P'.repeat(101), operator_id: 'O'.repeat(51) }), utc))).toEqual([
        'job_id is longer than 50 characters (51)',
        'part_number is longer than 100 characters (101)',
        'operator_id is longer than 50 characters (51)',
      ]);
    });

    it('lists every problem of a row at once', () => {
      const row = jobRow({
        job_id: null,
        machine_id: 'M-99',
        state: 'DONE',
        start_time: '2026-01-15 09:00:00',
        end_time: '2026-01-15 08:00:00',
        parts_produced: 5,
        parts_scrapped: 7.5,
        updated_at: 'not a date',
      });
      const reasons = reasonsOf(checkRow('jobs', row, utc));
      expect([...reasons].sort()).toEqual(
        [
          'state DONE is not one of QUEUED, SETUP, RUNNING, PAUSED, COMPLETED, ABORTED',
          'job_id is missing',
          'unknown machine M-99',
          'parts_scrapped is not a whole number',
          'updated_at is not a valid date and time',
          'end_time is before start_time',
          'parts_scrapped (7.5) is above parts_produced (5)',
        ].sort(),
      );
    });

    it('takes an integer machine id as text', () => {
      expect(recordOf(checkRow('jobs', jobRow({ machine_id: 101 }), utc))).toMatchObject({ machine_id: '101' });
    });
  });

  describe('downtime_records', () => {
    it('turns a valid row into the canonical downtime record', () => {
      expect(recordOf(checkRow('downtime_records', downtimeRow(), berlin))).toEqual({
        record_id: 'D-9',
        job_id: 'J-1001',
        machine_id: 'M-02',
        downtime_type: 'BREAKDOWN',
        start_time: '2026-01-15T06:10:00.000Z',
        duration: 1200,
        reason_code: 'SPNDL',
        description: 'Spindle overheated',
        source_updated_at: '2026-01-15T06:40:00.000Z',
      });
    });

    it('accepts downtime without a job, reason or description', () => {
      expect(recordOf(checkRow('downtime_records', downtimeRow({ job_id: null, reason_code: null, description: null }), utc))).toMatchObject({
        job_id: null,
        reason_code: null,
        description: null,
      });
    });

    it('accepts a zero duration', () => {
      expect(recordOf(checkRow('downtime_records', downtimeRow({ duration: 0 }), utc))).toMatchObject({ duration: 0 });
    });

    it('accepts a DECIMAL duration as a numeric string', () => {
      expect(recordOf(checkRow('downtime_records', downtimeRow({ duration: '12.50' }), utc))).toMatchObject({ duration: 12.5 });
    });

    it('quarantines a negative duration', () => {
      expect(reasonsOf(checkRow('downtime_records', downtimeRow({ duration: -5 }), utc))).toEqual(['duration is negative (-5)']);
    });

    it('quarantines downtime without key, type, start or duration', () => {
      const reasons = reasonsOf(checkRow('downtime_records', downtimeRow({ record_id: null, downtime_type: '', start_time: null, duration: null }), utc));
      expect([...reasons].sort()).toEqual(['downtime_type is missing', 'duration is missing', 'record_id is missing', 'start_time is missing']);
    });

    it('quarantines downtime on an unknown machine', () => {
      expect(reasonsOf(checkRow('downtime_records', downtimeRow({ machine_id: 'M-77' }), utc))).toEqual(['unknown machine M-77']);
    });

    it('quarantines an overlong reason code', () => {
      expect(reasonsOf(checkRow('downtime_records', downtimeRow({ reason_code: 'R'.repeat(21) }), utc))).toEqual([
        'reason_code is longer than 20 characters (21)',
      ]);
    });
  });

  describe('machine_events', () => {
    it('turns a valid row into the canonical event', () => {
      expect(recordOf(checkRow('machine_events', eventRow(), utc))).toEqual({
        event_id: 5001,
        machine_id: 'M-01',
        event_time: '2026-01-15T06:00:00.250Z',
        state: 'RUNNING',
        reason_code: null,
        job_id: 'J-1001',
        part_count: 120,
      });
    });

    it('takes a big id that arrives as text', () => {
      expect(recordOf(checkRow('machine_events', eventRow({ event_id: '9007199254740' }), utc))).toMatchObject({ event_id: 9007199254740 });
    });

    it('upper-cases the machine state', () => {
      expect(recordOf(checkRow('machine_events', eventRow({ state: 'idle' }), utc))).toMatchObject({ state: 'IDLE' });
    });

    it('reads the event time in the source zone', () => {
      expect(recordOf(checkRow('machine_events', eventRow({ event_time: '2026-07-01 12:00:00' }), berlin))).toMatchObject({
        event_time: '2026-07-01T10:00:00.000Z',
      });
    });

    it('quarantines an event without id, time or state', () => {
      const reasons = reasonsOf(checkRow('machine_events', eventRow({ event_id: null, event_time: '', state: null }), utc));
      expect([...reasons].sort()).toEqual(['event_id is missing', 'event_time is missing', 'state is missing']);
    });

    it('quarantines an event id below one', () => {
      const reasons = reasonsOf(checkRow('machine_events', eventRow({ event_id: 0 }), utc));
      expect(reasons).toHaveLength(1);
      expect(reasons[0]).toMatch(/^event_id /);
    });

    it('quarantines a negative or fractional part count', () => {
      expect(reasonsOf(checkRow('machine_events', eventRow({ part_count: -3 }), utc))).toEqual(['part_count is negative (-3)']);
      expect(reasonsOf(checkRow('machine_events', eventRow({ part_count: 2.5 }), utc))).toEqual(['part_count is not a whole number']);
    });

    it('quarantines an event on an unknown machine', () => {
      expect(reasonsOf(checkRow('machine_events', eventRow({ machine_id: 'M-03' }), utc))).toEqual(['unknown machine M-03']);
    });
  });

  describe('machine_readings', () => {
    it('turns a valid row into the canonical reading', () => {
      expect(recordOf(checkRow('machine_readings', readingRow(), berlin))).toEqual({
        reading_id: 77,
        machine_id: 'M-02',
        reading_time: '2026-01-15T05:00:05.000Z',
        metric: 'spindle_load',
        value: 42.5,
        unit: '%',
      });
    });

    it('accepts negative values', () => {
      expect(recordOf(checkRow('machine_readings', readingRow({ metric: 'coolant_temp', value: -3.5, unit: 'C' }), utc))).toMatchObject({ value: -3.5 });
    });

    it('accepts a numeric string value', () => {
      expect(recordOf(checkRow('machine_readings', readingRow({ value: '0.125' }), utc))).toMatchObject({ value: 0.125 });
    });

    it('accepts a reading without a unit', () => {
      expect(recordOf(checkRow('machine_readings', readingRow({ unit: null }), utc))).toMatchObject({ unit: null });
    });

    it('quarantines a reading without metric or value', () => {
      expect(reasonsOf(checkRow('machine_readings', readingRow({ metric: null, value: null }), utc))).toEqual(['metric is missing', 'value is missing']);
    });

    it('quarantines a value that is not a number', () => {
      expect(reasonsOf(checkRow('machine_readings', readingRow({ value: 'NaN' }), utc))).toEqual(['value is not a number']);
      expect(reasonsOf(checkRow('machine_readings', readingRow({ value: Infinity }), utc))).toEqual(['value is not a finite number']);
    });

    it('quarantines a fractional reading id', () => {
      expect(reasonsOf(checkRow('machine_readings', readingRow({ reading_id: 7.5 }), utc))).toEqual(['reading_id is not a whole number']);
    });

    it('quarantines an overlong metric and unit', () => {
      expect(reasonsOf(checkRow('machine_readings', readingRow({ metric: 'm'.repeat(51), unit: 'u'.repeat(21) }), utc))).toEqual([
        'metric is longer than 50 characters (51)',
        'unit is longer than 20 characters (21)',
      ]);
    });
  });
});

describe('rawRow', () => {
  it('turns bigint and Buffer values into text and keeps the rest', () => {
    const raw = rawRow({ event_id: 12345678901234567890n, payload: Buffer.from('abc'), state: 'RUNNING', part_count: 5, reason_code: null });
    expect(raw).toEqual({ event_id: '12345678901234567890', payload: 'base64:YWJj', state: 'RUNNING', part_count: 5, reason_code: null });
  });

  it('gives a row that survives JSON', () => {
    const raw = rawRow({ id: 1n, blob: Buffer.from([0xff, 0x00]), specs: { axes: 5 } });
    expect(JSON.parse(JSON.stringify(raw))).toEqual({ id: '1', blob: 'base64:/wA=', specs: '{"axes":5}' });
  });

  it('writes out what PostgreSQL cannot hold and cuts what is too long to keep', () => {
    const raw = rawRow({
      machine_id: 'M\u0000-1',
      lone: 'a\ud800b',
      spec: 'x'.repeat(5_000_000),
      deep: JSON.parse('['.repeat(5000) + ']'.repeat(5000)) as unknown,
    });
    expect(raw['machine_id']).toBe('M\\u0000-1');
    expect(raw['lone']).toBe('a\\ud800b');
    expect(String(raw['spec']).length).toBeLessThan(2100);
    expect(String(raw['spec'])).toMatch(/… \(5000000 UTF-16 units in all\)$/);
    expect(typeof raw['deep']).toBe('string');
  });

  it('does not change the source row', () => {
    const row = { id: 2n };
    rawRow(row);
    expect(row.id).toBe(2n);
  });
});
