import fc from 'fast-check';
import { buckets } from './buckets';
import { calendarProblems } from './calendar-problems';
import { oeeFigures } from './oee-figures';
import { oeeSeriesTotals } from './oee-series';
import { oeeTotals } from './oee-totals';
import { WEEKDAYS } from './oee.constants';
import type { Bucket, JobInput, OeeInput, OeeTotals, ShiftCalendar, ShiftDefinition, StopInput } from './oee.types';
import { sumTotals } from './sum-totals';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const TIME_FIELDS = [
  'calendarMs',
  'noProductionMs',
  'plannedProductionMs',
  'plannedStopMs',
  'setupMs',
  'unplannedStopMs',
  'smallStopMs',
  'runMs',
  'failures',
] as const;
const PART_FIELDS = ['partsProduced', 'partsScrapped', 'idealProducedSeconds', 'idealScrappedSeconds', 'partsWithoutIdealTime'] as const;
const GRANULARITIES = ['hour', 'day', 'week', 'shift'] as const;
const TYPES = ['BREAK', 'NO_DEMAND', 'shutdown', 'PLANNED', 'SETUP', 'changeover', 'PLANNED_MAINTENANCE', 'BREAKDOWN', 'JAM', 'tooling', 'unknown'];
// Periods around both clock changes of 2026 and in an ordinary week.
const BASES = ['2026-03-26T00:00:00Z', '2026-10-22T00:00:00Z', '2026-06-10T00:00:00Z'].map(Date.parse);

const hhmm = (minute: number): string =>
  minute === 1440 ? '24:00' : `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * Valid calendars by construction: cut points within a day make back-to-back shifts, the last may wrap past midnight
 * to the first cut (touching the next day's first shift, never overlapping it).
 */
const calendarArb: fc.Arbitrary<ShiftCalendar | null> = fc.option(
  fc
    .record({
      timezone: fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC', 'Australia/Sydney'),
      cuts: fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 2, maxLength: 5 }),
      wrap: fc.boolean(),
      days: fc.array(fc.subarray([...WEEKDAYS], { minLength: 1 }), { minLength: 5, maxLength: 5 }),
    })
    .map(({ timezone, cuts, wrap, days }) => {
      const minutes = [...cuts].sort((a, b) => a - b).map((q) => q * 15);
      const shifts: ShiftDefinition[] = [];
      for (let i = 0; i + 1 < minutes.length; i += 1) shifts.push({ name: `s${i}`, days: days[i], start: hhmm(minutes[i]), end: hhmm(minutes[i + 1]) });
      const [first, last] = [minutes[0], minutes[minutes.length - 1]];
      if (wrap && last < 1440 && last !== first) shifts.push({ name: 'wrap', days: days[4], start: hhmm(last), end: hhmm(first) });
      return { timezone, shifts };
    }),
  { freq: 4 },
);

interface Scenario {
  input: OeeInput;
  shuffleSeed: number;
}

function scenarioArb(options: { honestStops: boolean }): fc.Arbitrary<Scenario> {
  return fc
    .record({
      base: fc.constantFrom(...BASES),
      offset: fc.integer({ min: 0, max: (2 * DAY) / MINUTE }),
      length: fc.integer({ min: 1, max: (4 * DAY) / MINUTE }),
      calendar: calendarArb,
      nowAfter: fc.option(fc.integer({ min: 0, max: (4 * DAY) / MINUTE }), { freq: 3 }),
      threshold: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
      stops: fc.array(
        fc.record({
          // Unbiased: fast-check's bias would pile the stops up on the period's edges, long ones hiding the rest.
          at: fc.noBias(fc.integer({ min: -100, max: 1100 })).map((k) => k / 1000),
          // Around the micro-stop threshold as often as long stops.
          seconds: fc.oneof(fc.noBias(fc.integer({ min: 1, max: 300 })), fc.noBias(fc.integer({ min: 1, max: 4 * 3600 }))),
          // Unplanned stops (small ones among them) as often as all the others.
          type: fc.oneof(fc.constantFrom(...TYPES), fc.constantFrom('BREAKDOWN', 'JAM', 'unknown')),
        }),
        { maxLength: 60, size: 'medium' },
      ),
      jobs: fc.array(
        fc.record({
          at: fc.noBias(fc.integer({ min: -500, max: 1100 })).map((k) => k / 1000),
          // Starting on a whole hour puts jobs (zero-length ones too) right on bucket boundaries.
          onTheHour: fc.boolean(),
          hours: fc.option(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 48, noNaN: true })), { freq: 5 }),
          produced: fc.option(fc.integer({ min: 0, max: 5000 }), { freq: 8 }),
          scrapShare: fc.double({ min: 0, max: 1, noNaN: true }),
          ideal: fc.option(fc.double({ min: 0.5, max: 120, noNaN: true }), { freq: 4 }),
        }),
        { maxLength: 15, size: 'medium' },
      ),
      shuffleSeed: fc.integer(),
    })
    .map((r) => {
      const from = r.base + r.offset * MINUTE;
      const to = from + r.length * MINUTE;
      const span = to - from;
      const stops: StopInput[] = r.stops.map((s) => {
        let start = from + Math.round(s.at * span);
        let seconds = s.seconds;
        if (options.honestStops) {
          start = Math.min(Math.max(start, from), to - 1000);
          seconds = Math.max(1, Math.min(seconds, Math.floor((to - start) / 1000)));
        }
        return { start, durationSeconds: seconds, downtimeType: s.type, reasonCode: null };
      });
      const jobs: JobInput[] = r.jobs.map((j) => {
        const start = j.onTheHour ? Math.floor((from + j.at * span) / HOUR) * HOUR : from + Math.round(j.at * span);
        const produced = j.produced;
        return {
          start,
          end: j.hours === null ? null : start + Math.round(j.hours * HOUR),
          idealCycleTime: j.ideal,
          partsProduced: produced,
          partsScrapped: produced === null ? null : Math.floor(produced * j.scrapShare),
        };
      });
      const now = r.nowAfter === null ? to + DAY : from + r.nowAfter * MINUTE;
      return { input: { from, to, calendar: r.calendar, stops, jobs, now, microStopThresholdSeconds: r.threshold }, shuffleSeed: r.shuffleSeed };
    });
}

/** [from, to) minus the buckets: the ranges that shift buckets leave out. */
function gaps(from: number, to: number, list: Bucket[]): Bucket[] {
  const out: Bucket[] = [];
  let cursor = from;
  for (const b of list) {
    if (b.from > cursor) out.push({ from: cursor, to: b.from, label: 'gap' });
    cursor = Math.max(cursor, b.to);
  }
  if (cursor < to) out.push({ from: cursor, to, label: 'gap' });
  return out;
}

function expectSameTotals(actual: OeeTotals, expected: OeeTotals): void {
  for (const field of TIME_FIELDS) expect([field, actual[field]]).toEqual([field, expected[field]]);
  for (const field of PART_FIELDS) {
    expect(Math.abs(actual[field] - expected[field])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected[field])));
  }
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const k = state % (i + 1);
    [out[i], out[k]] = [out[k], out[i]];
  }
  return out;
}

const inUnitRange = (value: number | null): boolean => value === null || (value >= 0 && value <= 1 + 1e-12);

describe(`${oeeTotals.name}, ${oeeSeriesTotals.name} and ${buckets.name} (properties)`, () => {
  it('generates only valid calendars (a check on the generator itself)', () => {
    fc.assert(fc.property(calendarArb, (calendar) => calendar === null || calendarProblems(calendar).length === 0));
  });

  it('sums bucket totals of any granularity to the whole period: times and failures exactly, parts to 1e-9', () => {
    fc.assert(
      fc.property(scenarioArb({ honestStops: false }), fc.constantFrom(...GRANULARITIES), ({ input }, granularity) => {
        const { from, to, calendar } = input;
        if (granularity === 'shift' && calendar === null) return;
        let list = buckets(from, to, granularity, calendar);
        // Shift buckets hold all the shift time; parts made between shifts belong to the gaps, which complete the split.
        if (granularity === 'shift') list = [...list, ...gaps(from, to, list)];
        expectSameTotals(sumTotals(oeeSeriesTotals(input, list)), oeeTotals(input));
      }),
    );
  });

  it('does not depend on the order of the input records', () => {
    fc.assert(
      fc.property(scenarioArb({ honestStops: false }), ({ input, shuffleSeed }) => {
        const reordered = { ...input, stops: shuffled(input.stops, shuffleSeed), jobs: shuffled(input.jobs, shuffleSeed + 1) };
        expect(oeeTotals(reordered)).toEqual(oeeTotals(input));
      }),
    );
  });

  it('keeps the loss identity: planned production = the six losses + Σ(ideal × good)', () => {
    fc.assert(
      fc.property(scenarioArb({ honestStops: false }), ({ input }) => {
        const totals = oeeTotals(input);
        const { losses, time_model } = oeeFigures(totals);
        const valuable = totals.idealProducedSeconds - totals.idealScrappedSeconds;
        const sum = losses.planned_stops + losses.unplanned_stops + losses.small_stops + losses.slow_cycles + losses.production_rejects + valuable;
        expect(Math.abs(sum - time_model.planned_production_time)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, time_model.planned_production_time, Math.abs(valuable)),
        );
        // And the time model is a proper split of the calendar time.
        expect(totals.runMs).toBeGreaterThanOrEqual(totals.smallStopMs);
        expect(totals.plannedStopMs).toBeGreaterThanOrEqual(totals.setupMs);
        expect(totals.calendarMs).toBe(totals.noProductionMs + totals.plannedStopMs + totals.unplannedStopMs + totals.runMs);
      }),
    );
  });

  it('keeps every ratio in [0, 1] when the ideal cycle times are honest', () => {
    fc.assert(
      fc.property(
        scenarioArb({ honestStops: true }),
        fc.array(
          fc.record({
            ideal: fc.integer({ min: 1, max: 60 }),
            fill: fc.double({ min: 0, max: 1, noNaN: true }),
            scrap: fc.double({ min: 0, max: 1, noNaN: true }),
            inset: fc.double({ min: 0, max: 0.5, noNaN: true }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        ({ input }, specs) => {
          const withoutJobs = oeeTotals({ ...input, jobs: [] });
          // The budget is the actual production time (APT = run − small stops): honest standards cannot exceed it.
          const budget = (withoutJobs.runMs - withoutJobs.smallStopMs) / 1000 / specs.length;
          const slot = (input.to - input.from) / specs.length;
          const jobs: JobInput[] = specs.map((s, i) => {
            const produced = Math.floor((s.fill * budget) / s.ideal);
            const start = input.from + Math.floor(i * slot + s.inset * slot);
            return {
              start,
              end: input.from + Math.floor((i + 1) * slot),
              idealCycleTime: s.ideal,
              partsProduced: produced,
              partsScrapped: Math.floor(produced * s.scrap),
            };
          });
          const f = oeeFigures(oeeTotals({ ...input, jobs }));
          for (const value of [
            f.availability,
            f.performance,
            f.quality,
            f.overall_oee,
            f.kpis.technical_efficiency,
            f.kpis.setup_rate,
            f.kpis.scrap_ratio,
            f.kpis.nee,
          ]) {
            expect(inUnitRange(value)).toBe(true);
          }
        },
      ),
    );
  });
});
