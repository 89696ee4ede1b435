import fc from 'fast-check';
import { downtimePatternTotals, heatmapOf, paretoOf, sumPatternTotals, UNSPECIFIED_REASON, type DowntimePatternInput } from './downtime-patterns';
import type { StopInput } from './oee.types';

const MIN = 60_000;
const at = (iso: string): number => Date.parse(iso);
const stop = (start: string, minutes: number, downtimeType: string, reasonCode: string | null = null): StopInput => ({
  start: at(start),
  durationSeconds: minutes * 60,
  downtimeType,
  reasonCode,
});

function input(stops: StopInput[], extra: Partial<DowntimePatternInput> = {}): DowntimePatternInput {
  return { from: at('2026-11-02T00:00:00Z'), to: at('2026-11-09T00:00:00Z'), now: at('2026-11-30T00:00:00Z'), calendar: null, stops, ...extra };
}

describe('downtime patterns', () => {
  it('ranks reasons by lost time with shares and cumulative shares, leaving breaks out', () => {
    const totals = downtimePatternTotals(
      input([
        stop('2026-11-02T08:00:00Z', 60, 'BREAKDOWN', 'SPINDLE'),
        stop('2026-11-03T08:00:00Z', 30, 'BREAKDOWN', 'SPINDLE'),
        stop('2026-11-02T12:00:00Z', 45, 'SETUP', 'CHANGEOVER_A'),
        stop('2026-11-02T14:00:00Z', 1, 'BREAKDOWN', 'JAM'),
        stop('2026-11-02T15:00:00Z', 1, 'BREAKDOWN', 'JAM'),
        stop('2026-11-02T16:00:00Z', 30, 'NO_MATERIAL'),
        stop('2026-11-02T10:00:00Z', 30, 'BREAK', 'LUNCH'),
      ]),
    );
    expect(paretoOf(totals)).toEqual([
      { reason_code: 'SPINDLE', category: 'unplanned_stop', duration: 5400, count: 2, share: 5400 / 10020, cumulative_share: 5400 / 10020 },
      { reason_code: 'CHANGEOVER_A', category: 'planned_stop', duration: 2700, count: 1, share: 2700 / 10020, cumulative_share: 8100 / 10020 },
      { reason_code: UNSPECIFIED_REASON, category: 'unplanned_stop', duration: 1800, count: 1, share: 1800 / 10020, cumulative_share: 9900 / 10020 },
      { reason_code: 'JAM', category: 'small_stop', duration: 120, count: 2, share: 120 / 10020, cumulative_share: 1 },
    ]);
    expect(totals.lossMs).toBe(10020 * 1000);
  });

  it('counts only planned time: outside the shifts, in a break or after now nothing is lost', () => {
    const calendar = { timezone: 'Europe/Berlin', shifts: [{ name: 'early', days: ['mon' as const], start: '06:00', end: '14:00' }] };
    const totals = downtimePatternTotals(
      input(
        [
          // 04:30–06:30 UTC = 05:30–07:30 Berlin: 90 min of it inside the shift.
          stop('2026-11-02T04:30:00Z', 120, 'BREAKDOWN', 'SPINDLE'),
          // A break inside a longer breakdown takes its 30 min out.
          stop('2026-11-02T09:00:00Z', 60, 'BREAKDOWN', 'HYDRAULICS'),
          stop('2026-11-02T09:15:00Z', 30, 'BREAK'),
          // Tuesday has no shift.
          stop('2026-11-03T08:00:00Z', 60, 'BREAKDOWN', 'SPINDLE'),
        ],
        { calendar, now: at('2026-11-02T12:30:00Z'), heatmapZone: 'Europe/Berlin' },
      ),
    );
    expect(paretoOf(totals).map((e) => [e.reason_code, e.duration, e.count])).toEqual([
      ['SPINDLE', 90 * 60, 1],
      ['HYDRAULICS', 30 * 60, 1],
    ]);
  });

  it("spreads lost time over the hours of the week on the calendar zone's wall clock", () => {
    // 08:30–09:30 UTC on Monday = 09:30–10:30 in Berlin.
    const totals = downtimePatternTotals(input([stop('2026-11-02T08:30:00Z', 60, 'BREAKDOWN', 'SPINDLE')], { heatmapZone: 'Europe/Berlin' }));
    const cells = heatmapOf(totals).filter((c) => c.duration > 0 || c.count > 0);
    expect(cells).toEqual([
      { weekday: 'mon', hour: 9, duration: 1800, count: 1 },
      { weekday: 'mon', hour: 10, duration: 1800, count: 0 },
    ]);
    expect(heatmapOf(totals)).toHaveLength(168);
  });

  it('puts both runs of the repeated autumn hour in the same cell', () => {
    // 00:30–01:30 UTC on 2026-10-25 is 02:30 CEST → 02:30 CET in Berlin.
    const totals = downtimePatternTotals(
      input([stop('2026-10-25T00:30:00Z', 60, 'BREAKDOWN', 'SPINDLE')], {
        from: at('2026-10-19T00:00:00Z'),
        to: at('2026-10-26T00:00:00Z'),
        heatmapZone: 'Europe/Berlin',
      }),
    );
    expect(heatmapOf(totals).filter((c) => c.duration > 0)).toEqual([{ weekday: 'sun', hour: 2, duration: 3600, count: 1 }]);
  });

  it('adds machines up: the sum of their totals gives the same Pareto as their stops together', () => {
    const a = [stop('2026-11-02T08:00:00Z', 60, 'BREAKDOWN', 'SPINDLE'), stop('2026-11-02T10:00:00Z', 5, 'BREAKDOWN', 'JAM')];
    const b = [stop('2026-11-04T08:00:00Z', 30, 'BREAKDOWN', 'SPINDLE')];
    const summed = paretoOf(sumPatternTotals([downtimePatternTotals(input(a)), downtimePatternTotals(input(b))]));
    expect(summed).toEqual(paretoOf(downtimePatternTotals(input([...a, ...b]))));
  });

  it('never counts a minute twice in the heat map, whatever the stops (property)', () => {
    const from = at('2026-10-19T00:00:00Z');
    const record = fc.record({
      offsetMin: fc.integer({ min: -600, max: 14 * 24 * 60 }),
      minutes: fc.integer({ min: 1, max: 600 }),
      type: fc.constantFrom('BREAKDOWN', 'SETUP', 'BREAK', 'NO_MATERIAL', 'PLANNED_MAINTENANCE'),
      reason: fc.option(fc.constantFrom('A', 'B', 'C'), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'), (records, zone) => {
        const stops = records.map((r) => ({ start: from + r.offsetMin * MIN, durationSeconds: r.minutes * 60, downtimeType: r.type, reasonCode: r.reason }));
        const totals = downtimePatternTotals({
          from,
          to: from + 14 * 24 * 60 * MIN,
          now: at('2026-12-01T00:00:00Z'),
          calendar: null,
          stops,
          heatmapZone: zone,
        });
        const heat = totals.heatMs.reduce((acc, ms) => acc + ms, 0);
        expect(heat).toBe(totals.lossMs);
        const pareto = paretoOf(totals);
        // Overlapping reasons may each keep their time, so the Pareto holds at least the union.
        expect(pareto.reduce((acc, e) => acc + e.duration * 1000, 0)).toBeGreaterThanOrEqual(totals.lossMs);
        if (pareto.length > 0) expect(pareto[pareto.length - 1].cumulative_share).toBeCloseTo(1, 12);
      }),
      { numRuns: 200 },
    );
  });
});
