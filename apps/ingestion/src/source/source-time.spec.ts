import { sourceTimeToUtc } from './source-time';

describe('sourceTimeToUtc', () => {
  it('passes UTC times through, keeping milliseconds', () => {
    expect(sourceTimeToUtc('2026-01-15 08:30:00.123', 'UTC')).toBe('2026-01-15T08:30:00.123Z');
  });

  it('always writes milliseconds', () => {
    expect(sourceTimeToUtc('2026-01-15 08:30:00', 'UTC')).toBe('2026-01-15T08:30:00.000Z');
  });

  it('reads a Berlin winter time as +01:00', () => {
    expect(sourceTimeToUtc('2026-01-15 08:30:00.250', 'Europe/Berlin')).toBe('2026-01-15T07:30:00.250Z');
  });

  it('reads a Berlin summer time as +02:00', () => {
    expect(sourceTimeToUtc('2026-07-15 08:30:00', 'Europe/Berlin')).toBe('2026-07-15T06:30:00.000Z');
  });

  it('crosses midnight into the previous UTC day', () => {
    expect(sourceTimeToUtc('2026-01-01 00:15:00', 'Europe/Berlin')).toBe('2025-12-31T23:15:00.000Z');
  });

  it('moves a wall time skipped by the spring-forward change forward by the gap', () => {
    // 02:30 does not exist in Berlin on 2026-03-29; it is read as 03:30 CEST.
    expect(sourceTimeToUtc('2026-03-29 02:30:00', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('reads the times around the spring-forward change with their own offsets', () => {
    expect(sourceTimeToUtc('2026-03-29 01:59:59', 'Europe/Berlin')).toBe('2026-03-29T00:59:59.000Z');
    expect(sourceTimeToUtc('2026-03-29 03:00:00', 'Europe/Berlin')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('reads the times around the autumn change with their own offsets', () => {
    expect(sourceTimeToUtc('2026-10-25 01:30:00', 'Europe/Berlin')).toBe('2026-10-24T23:30:00.000Z');
    expect(sourceTimeToUtc('2026-10-25 03:30:00', 'Europe/Berlin')).toBe('2026-10-25T02:30:00.000Z');
  });

  it('reads a date without a time as midnight in the source zone', () => {
    expect(sourceTimeToUtc('2026-01-15', 'Europe/Berlin')).toBe('2026-01-14T23:00:00.000Z');
  });

  it('reads the same instant whether or not the value carries a fraction or surrounding spaces', () => {
    // Plain 'YYYY-MM-DD HH:MM:SS' values take a faster path than the general pattern; both must agree.
    let wall = Date.UTC(2023, 0, 1);
    for (let i = 0; i < 2000; i += 1) {
      wall += 9_876_543 + i * 1_000;
      const plain = new Date(wall).toISOString().slice(0, 19).replace('T', ' ');
      for (const zone of ['UTC', 'Europe/Berlin', 'America/New_York']) {
        expect(sourceTimeToUtc(plain, zone)).toBe(sourceTimeToUtc(`${plain}.0`, zone));
        expect(sourceTimeToUtc(`${plain}.${String(i % 1000).padStart(3, '0')}`, zone)).toBe(
          sourceTimeToUtc(`${plain}.${String(i % 1000).padStart(3, '0')}000`, zone),
        );
        expect(sourceTimeToUtc(` ${plain} `, zone)).toBe(sourceTimeToUtc(plain, zone));
      }
    }
  });

  it('knows leap days', () => {
    expect(sourceTimeToUtc('2024-02-29 12:00:00', 'UTC')).toBe('2024-02-29T12:00:00.000Z');
    expect(sourceTimeToUtc('2000-02-29 12:00:00', 'UTC')).toBe('2000-02-29T12:00:00.000Z');
    expect(sourceTimeToUtc('2100-02-29 12:00:00', 'UTC')).toBeNull();
    expect(sourceTimeToUtc('2026-02-29 12:00:00', 'UTC')).toBeNull();
  });

  it.each([
    ['garbage'],
    [''],
    ['2026-02-30 10:00:00'],
    ['2026-04-31 10:00:00'],
    ['0099-01-01 00:00:00'],
    ['2026-01-15 10:60:00'],
    ['2026-01-15 10:00:60'],
    ['2026-01-15 1a:00:00'],
    ['2026-13-01 00:00:00'],
    ['0000-00-00 00:00:00'],
    ['2026-01-15 25:00:00'],
  ])('gives null for %j', (value) => {
    expect(sourceTimeToUtc(value, 'UTC')).toBeNull();
    expect(sourceTimeToUtc(value, 'Europe/Berlin')).toBeNull();
  });
  it('reads the repeated autumn hour as its first occurrence, whatever the day of the sync', () => {
    expect(sourceTimeToUtc('2026-10-25 02:30:00', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
    expect(sourceTimeToUtc('2026-10-25 03:00:00', 'Europe/Berlin')).toBe('2026-10-25T02:00:00.000Z');
    expect(sourceTimeToUtc('2026-11-01 01:30:00', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });
});
