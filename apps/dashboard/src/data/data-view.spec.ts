import { downstreamRows, rawEntries, syncHeadline, syncRunning, visibleText, type SyncStatus } from './data-view';

const status = (over: Partial<SyncStatus> = {}): SyncStatus => ({
  state: 'idle',
  last_sync_at: '2026-01-01T00:00:00Z',
  last_run: null,
  dead_letters: {},
  source: { reachable: true, circuit: 'closed', mapping_problems: [] },
  ...over,
});
const counts = { machines: 1, jobs: 2, downtime_records: 0, machine_events: 5, machine_readings: 0 };
const run = (over: Partial<NonNullable<SyncStatus['last_run']>> = {}): NonNullable<SyncStatus['last_run']> => ({
  sync_id: 's',
  mode: 'incremental',
  started_at: '2026-01-01T00:00:00Z',
  finished_at: '2026-01-01T00:00:01Z',
  state: 'succeeded',
  progress: 1,
  counts,
  deleted: counts,
  rejected: 0,
  downstream: {},
  error: null,
  error_code: null,
  clean: true,
  ...over,
});

describe(visibleText.name, () => {
  it('keeps markup as written: the page shows it as text', () => {
    expect(visibleText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
  });

  it('makes control and direction-override characters visible', () => {
    expect(visibleText('M\u0000X\tY\u202eZ')).toBe('M\\u0000X\\u0009Y\\u202eZ');
  });

  it('cuts a long value and says how much is left out', () => {
    expect(visibleText('x'.repeat(310), 300)).toBe(`${'x'.repeat(300)}… (10 more characters)`);
  });

  it('shows other values as JSON', () => {
    expect(visibleText({ axes: 5 })).toBe('{"axes":5}');
    expect(visibleText(null)).toBe('null');
  });
});

describe(rawEntries.name, () => {
  it('lists every column of the raw row', () => {
    expect(rawEntries({ job_id: 'J1', end_time: null })).toEqual([
      ['job_id', 'J1'],
      ['end_time', 'null'],
    ]);
  });
});

describe(syncRunning.name, () => {
  it('is true while the service or its last run says running', () => {
    expect(syncRunning(status({ state: 'running' }))).toBe(true);
    expect(syncRunning(status({ last_run: run({ state: 'running' }) }))).toBe(true);
    expect(syncRunning(status({ last_run: run() }))).toBe(false);
  });
});

describe(syncHeadline.name, () => {
  it('puts an unreachable source first', () => {
    expect(syncHeadline(status({ source: { reachable: false, circuit: 'half_open', mapping_problems: [] } }))).toContain('circuit half-open');
  });

  it('tells a clean run from one with rejected rows', () => {
    expect(syncHeadline(status({ last_run: run() }))).toContain('every row reached every consumer');
    expect(syncHeadline(status({ last_run: run({ clean: false, rejected: 1 }) }))).toContain('quarantined');
    expect(syncHeadline(status({ last_run: run({ state: 'failed', error: 'SOURCE_UNAVAILABLE' }) }))).toBe('The last sync failed: SOURCE_UNAVAILABLE');
  });
});

describe(downstreamRows.name, () => {
  it('joins what each consumer refused in the run with the dead letters it holds now', () => {
    const s = status({
      last_run: run({ downstream: { 'analytics-shopfloor': { rejected: 2, dead_lettered_batches: 0, dead_lettered_records: 0 } } }),
      dead_letters: { 'ml-shopfloor': { batches: 1, records: 40 } },
    });
    expect(downstreamRows(s)).toEqual([
      { consumer: 'analytics-shopfloor', rejected: 2, deadBatches: 0, deadRecords: 0 },
      { consumer: 'ml-shopfloor', rejected: 0, deadBatches: 1, deadRecords: 40 },
    ]);
  });
});
