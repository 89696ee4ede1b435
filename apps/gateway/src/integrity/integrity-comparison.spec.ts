import { DomainError, ErrorCode, type IntegrityReport, type SourceCountsView, type SourceEntityCounts } from '@shopfloor/contracts';
import { compareWithSource, withSourceComparison } from './integrity-comparison';

const READ_MODEL = {
  machines: 12,
  jobs: 100,
  downtime_records: 40,
  machine_events: 5000,
  machine_readings: 9000,
  jobs_ending_before_start: 0,
  list_limit: 1000,
};

const report: IntegrityReport = {
  generated_at: '2026-03-03T10:00:00.000Z',
  orphan_jobs: [],
  orphan_downtime_records: [],
  overlapping_jobs: [],
  event_gaps: [],
  counts: READ_MODEL,
};

const entity = (source: number, quarantined: Record<string, number> = {}, notYetSynced = 0): SourceEntityCounts => ({
  source,
  quarantined,
  not_yet_synced: notYetSynced,
});

/** Source counts that agree with READ_MODEL except where a test overrides an entity. */
const sourceCounts = (overrides: Partial<SourceCountsView['entities']> = {}): SourceCountsView => ({
  generated_at: '2026-03-03T10:00:01.000Z',
  entities: {
    machines: entity(12),
    jobs: entity(100),
    downtime_records: entity(40),
    machine_events: entity(5000),
    machine_readings: entity(9000),
    ...overrides,
  },
});

describe(compareWithSource.name, () => {
  it('finds every entity in step when the read model holds every source row', () => {
    const comparison = compareWithSource(READ_MODEL, sourceCounts());
    expect(Object.keys(comparison)).toEqual(['machines', 'jobs', 'downtime_records', 'machine_events', 'machine_readings']);
    expect(comparison.jobs).toEqual({
      source: 100,
      read_model: 100,
      quarantined_by_ingestion: 0,
      rejected_by_consumers: 0,
      not_yet_synced: 0,
      difference: 0,
      explanation: 'in step',
    });
  });

  it('accounts for rows quarantined by ingestion, rejected by analytics and not yet synced', () => {
    const comparison = compareWithSource(READ_MODEL, sourceCounts({ jobs: entity(110, { ingestion: 4, 'analytics-shopfloor': 2 }, 4) }));
    expect(comparison.jobs).toEqual({
      source: 110,
      read_model: 100,
      quarantined_by_ingestion: 4,
      rejected_by_consumers: 2,
      not_yet_synced: 4,
      difference: 0,
      explanation: 'in step',
    });
  });

  it('does not count rejections of other consumers against the analytics read model', () => {
    const comparison = compareWithSource(READ_MODEL, sourceCounts({ machines: entity(12, { 'ml-shopfloor': 3 }) }));
    expect(comparison.machines).toMatchObject({ rejected_by_consumers: 0, difference: 0, explanation: 'in step' });
  });

  it('names source rows that are neither in the read model nor in the quarantine', () => {
    const comparison = compareWithSource(READ_MODEL, sourceCounts({ machine_events: entity(5004, { ingestion: 1 }), machines: entity(13) }));
    expect(comparison.machine_events).toMatchObject({
      difference: -3,
      explanation: '3 rows of the source are neither in the read model nor in the quarantine',
    });
    expect(comparison.machines).toMatchObject({ difference: -1, explanation: '1 row of the source is neither in the read model nor in the quarantine' });
  });

  it('names read-model rows the source no longer has', () => {
    const comparison = compareWithSource(READ_MODEL, sourceCounts({ downtime_records: entity(38) }));
    expect(comparison.downtime_records).toMatchObject({
      difference: 2,
      explanation: '2 rows of the read model are not in the source (deleted there and not yet removed by a full sync)',
    });
  });

  it('takes an entity the read model does not count as 0 rows', () => {
    const comparison = compareWithSource({}, sourceCounts());
    expect(comparison.machines).toMatchObject({ read_model: 0, source: 12, difference: -12 });
  });
});

describe(withSourceComparison.name, () => {
  it('adds the comparison to the report and leaves the rest as analytics sent it', () => {
    const merged = withSourceComparison(report, { status: 'fulfilled', value: sourceCounts({ jobs: entity(101) }) });
    expect(merged).toMatchObject({ ...report, source_comparison_error: null });
    expect(merged.source_comparison?.jobs).toMatchObject({ source: 101, read_model: 100, difference: -1 });
  });

  it('returns the report without a comparison and with the reason when the source could not be counted', () => {
    const reason = new DomainError(ErrorCode.SourceUnavailable, 'The CIMCO source is failing; its circuit breaker is open');
    const merged = withSourceComparison(report, { status: 'rejected', reason });
    expect(merged).toEqual({ ...report, source_comparison: null, source_comparison_error: 'The CIMCO source is failing; its circuit breaker is open' });
  });

  it('takes the text of a rejection that is not an Error', () => {
    expect(withSourceComparison(report, { status: 'rejected', reason: 'timeout' }).source_comparison_error).toBe('timeout');
  });
});
