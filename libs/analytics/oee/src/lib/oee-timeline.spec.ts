import { OeeTimeline } from './oee-timeline';
import type { OeeInput } from './oee.types';

const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);

const input: OeeInput = {
  from: at('2026-05-04T00:00:00Z'),
  to: at('2026-05-05T00:00:00Z'),
  calendar: null,
  stops: [{ start: at('2026-05-04T05:30:00Z'), durationSeconds: 3600, downtimeType: 'BREAKDOWN', reasonCode: null }],
  jobs: [
    { start: at('2026-05-03T22:00:00Z'), end: at('2026-05-04T04:00:00Z'), idealCycleTime: 10, partsProduced: 600, partsScrapped: 6 },
    { start: at('2026-05-04T04:00:00Z'), end: null, idealCycleTime: null, partsProduced: 50, partsScrapped: 0 },
  ],
  now: at('2026-05-04T09:00:00Z'),
};

describe(OeeTimeline.name, () => {
  const timeline = OeeTimeline.build(input);

  it('ends the effective period at now', () => {
    expect([timeline.from, timeline.to]).toEqual([input.from, at('2026-05-04T09:00:00Z')]);
  });

  it('gives disjoint and overlapping ranges the same totals range by range', () => {
    const hours = Array.from({ length: 10 }, (_, h) => ({ from: input.from + h * HOUR, to: input.from + (h + 1) * HOUR }));
    const disjoint = timeline.totalsFor(hours);
    const overlapping = timeline.totalsFor([...hours, { from: input.from, to: input.to }]);
    expect(overlapping.slice(0, 10)).toEqual(disjoint);
    expect(overlapping[10]).toEqual(timeline.totalsWithin(input.from, input.to));
    expect(disjoint[9].calendarMs).toBe(0);
  });

  it('splits a job straddling `from` and a running job by time', () => {
    const [first, fifth] = [timeline.totalsWithin(input.from, input.from + HOUR), timeline.totalsWithin(input.from + 4 * HOUR, input.from + 5 * HOUR)];
    // 600 parts over 6 h, 4 h of them in the period: 100 an hour. The running job has run 5 h by now: 10 an hour.
    expect(first).toMatchObject({ partsProduced: 100, idealProducedSeconds: 1000, partsWithoutIdealTime: 0 });
    expect(fifth).toMatchObject({ partsProduced: 10, partsWithoutIdealTime: 10, idealProducedSeconds: 0 });
  });
});
