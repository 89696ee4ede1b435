import { shopCalendars } from './shop-calendars';

describe(shopCalendars.name, () => {
  it('gives each machine the shift plan of its type, night shifts on the days they start', () => {
    const calendars = shopCalendars(2, 'Europe/Berlin');
    expect(Object.keys(calendars)).toEqual(['MC-001', 'MC-002']);
    // MC-001 is a mill (three shifts), MC-002 a lathe (two shifts).
    expect(calendars['MC-001']).toEqual({
      timezone: 'Europe/Berlin',
      shifts: [
        { name: 'early', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '06:00', end: '14:00' },
        { name: 'late', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '14:00', end: '22:00' },
        { name: 'night', days: ['mon', 'tue', 'wed', 'thu', 'sun'], start: '22:00', end: '06:00' },
      ],
    });
    expect(calendars['MC-002'].shifts.map((s) => s.name)).toEqual(['early', 'late']);
  });
});
