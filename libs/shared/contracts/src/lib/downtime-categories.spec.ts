import {
  DEFAULT_MICRO_STOP_THRESHOLD_S,
  NO_PRODUCTION_DOWNTIME_TYPES,
  NOT_UNPLANNED_DOWNTIME_TYPES,
  PLANNED_STOP_DOWNTIME_TYPES,
  downtimeCategory,
  normaliseDowntimeType,
  stopCategory,
} from './downtime-categories';

describe(downtimeCategory.name, () => {
  it.each(['BREAK', 'NO_DEMAND', 'SHUTDOWN', 'PLANNED'])('puts %s under no_production', (type) => {
    expect(downtimeCategory(type)).toBe('no_production');
  });

  it.each(['SETUP', 'CHANGEOVER', 'PLANNED_MAINTENANCE'])('puts %s under planned_stop', (type) => {
    expect(downtimeCategory(type)).toBe('planned_stop');
  });

  it.each(['BREAKDOWN', 'TOOL_CHANGE', 'MATERIAL_SHORTAGE', 'something new', '', 'BREAKS', 'SET UP'])(
    'puts %p (other or unknown) under unplanned_stop',
    (type) => {
      expect(downtimeCategory(type)).toBe('unplanned_stop');
    },
  );

  it('ignores case and surrounding blanks', () => {
    expect(downtimeCategory('break')).toBe('no_production');
    expect(downtimeCategory('no_demand')).toBe('no_production');
    expect(downtimeCategory('Shutdown')).toBe('no_production');
    expect(downtimeCategory('changeover')).toBe('planned_stop');
    expect(downtimeCategory(' Planned_Maintenance ')).toBe('planned_stop');
    expect(downtimeCategory('\tsetup\n')).toBe('planned_stop');
  });

  it('lists every type that is not unplanned, normalised', () => {
    expect([...NOT_UNPLANNED_DOWNTIME_TYPES].sort()).toEqual([...NO_PRODUCTION_DOWNTIME_TYPES, ...PLANNED_STOP_DOWNTIME_TYPES].sort());
    for (const type of NOT_UNPLANNED_DOWNTIME_TYPES) {
      expect(normaliseDowntimeType(type)).toBe(type);
      expect(downtimeCategory(type)).not.toBe('unplanned_stop');
    }
  });

  it('keeps the lists read-only', () => {
    expect(Object.isFrozen(NOT_UNPLANNED_DOWNTIME_TYPES)).toBe(true);
    expect(Object.isFrozen(NO_PRODUCTION_DOWNTIME_TYPES)).toBe(true);
    expect(Object.isFrozen(PLANNED_STOP_DOWNTIME_TYPES)).toBe(true);
  });
});

describe(stopCategory.name, () => {
  it('makes an unplanned stop shorter than the micro-stop threshold a small stop', () => {
    expect(DEFAULT_MICRO_STOP_THRESHOLD_S).toBe(120);
    expect(stopCategory('OPERATOR', 119)).toBe('small_stop');
    expect(stopCategory('OPERATOR', 120)).toBe('unplanned_stop');
    expect(stopCategory('OPERATOR', 119, 60)).toBe('unplanned_stop');
  });

  it('never makes a planned or no-production stop small', () => {
    expect(stopCategory('BREAK', 1)).toBe('no_production');
    expect(stopCategory('setup', 1)).toBe('planned_stop');
  });
});
