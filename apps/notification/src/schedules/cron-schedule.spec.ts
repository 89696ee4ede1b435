import { CronSchedule, CronScheduleError } from './cron-schedule';

function times(schedule: CronSchedule, from: string, count: number): string[] {
  const out: string[] = [];
  let at: Date | null = new Date(from);
  for (let i = 0; i < count && at; i += 1) {
    at = schedule.nextAfter(at);
    if (at) out.push(at.toISOString());
  }
  return out;
}

describe(CronSchedule.name, () => {
  it('keeps a 06:05 schedule at 06:05 wall time on both sides of each clock change', () => {
    const schedule = CronSchedule.parse('5 6 * * *', 'Europe/Berlin');
    expect(times(schedule, '2026-03-28T00:00:00Z', 3)).toEqual(['2026-03-28T05:05:00.000Z', '2026-03-29T04:05:00.000Z', '2026-03-30T04:05:00.000Z']);
    expect(times(schedule, '2026-10-24T00:00:00Z', 3)).toEqual(['2026-10-24T04:05:00.000Z', '2026-10-25T05:05:00.000Z', '2026-10-26T05:05:00.000Z']);
  });

  it('runs a time in the spring gap once, as the gap ends, and a time in the repeated autumn hour once', () => {
    const schedule = CronSchedule.parse('30 2 * * *', 'Europe/Berlin');
    // 02:30 does not exist on 29 March: it runs at 03:00 CEST.
    expect(times(schedule, '2026-03-28T00:00:00Z', 3)).toEqual(['2026-03-28T01:30:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z']);
    // 02:30 happens twice on 25 October: it runs at the first, 02:30 CEST.
    expect(times(schedule, '2026-10-24T00:00:00Z', 3)).toEqual(['2026-10-24T00:30:00.000Z', '2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
  });

  it('runs missed times once and goes on from now', () => {
    const schedule = CronSchedule.parse('0 * * * *', 'UTC');
    expect(schedule.slot(new Date('2026-01-01T01:00:00Z'), new Date('2026-01-01T05:30:00Z'))).toEqual({
      scheduledFor: new Date('2026-01-01T05:00:00Z'),
      next: new Date('2026-01-01T06:00:00Z'),
    });
    expect(schedule.slot(new Date('2026-01-01T01:00:00Z'), new Date('2026-01-01T01:00:10Z'))).toEqual({
      scheduledFor: new Date('2026-01-01T01:00:00Z'),
      next: new Date('2026-01-01T02:00:00Z'),
    });
  });

  it('refuses what is not a five-field cron in an IANA zone, naming the field', () => {
    const problem = (cron: string, zone: string): [string, string] => {
      try {
        CronSchedule.parse(cron, zone);
      } catch (error) {
        if (error instanceof CronScheduleError) return [error.field, error.message];
        throw error;
      }
      return ['', ''];
    };
    expect(problem('5 6 * * *', 'Mars/Olympus')).toEqual(['timezone', expect.stringContaining('not an IANA time zone')]);
    expect(problem('0 5 6 * * *', 'UTC')).toEqual(['cron', expect.stringContaining('five fields')]);
    expect(problem('@daily', 'UTC')).toEqual(['cron', expect.stringContaining('five fields')]);
    expect(problem('61 6 * * *', 'UTC')).toEqual(['cron', expect.stringContaining('minute')]);
    expect(problem('0 0 30 2 *', 'UTC')).toEqual(['cron', 'never matches a date']);
  });
});
