import { count, dateTimeIn, percent, relativeTime } from './format';

describe(relativeTime.name, () => {
  const now = Date.parse('2026-12-05T12:00:00Z');

  it('says how long ago in the largest whole unit', () => {
    expect(relativeTime('2026-12-05T11:55:00Z', now)).toBe(new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(-5, 'minute'));
    expect(relativeTime('2026-12-05T09:00:00Z', now)).toBe(new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(-3, 'hour'));
    expect(relativeTime('2026-12-03T12:00:00Z', now)).toBe(new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(-2, 'day'));
  });

  it('says now for this second', () => {
    expect(relativeTime('2026-12-05T12:00:00Z', now)).toBe(new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(0, 'second'));
  });
});

describe(dateTimeIn.name, () => {
  it('shows the wall time of the zone asked for', () => {
    expect(dateTimeIn('2026-12-05T12:00:00Z', 'Europe/Berlin')).toContain('1:00:00');
    expect(dateTimeIn('2026-07-05T12:00:00Z', 'Europe/Berlin')).toContain('2:00:00');
  });

  it('falls back to the local time for a zone the browser does not know', () => {
    expect(dateTimeIn('2026-12-05T12:00:00Z', 'Mars/Olympus')).toBe(new Date('2026-12-05T12:00:00Z').toLocaleString(undefined));
  });
});

describe(count.name, () => {
  it('groups digits as the locale does', () => {
    expect(count(1250)).toBe(new Intl.NumberFormat(undefined).format(1250));
  });
});

describe(percent.name, () => {
  it('shows a probability as a whole percentage', () => {
    expect(percent(0.824)).toBe(new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 }).format(0.82));
  });
});
