import { downtimeCategory, isSetupDowntime } from './downtime-category';

describe(downtimeCategory.name, () => {
  it.each(['BREAK', 'NO_DEMAND', 'SHUTDOWN', 'PLANNED'])('puts %s under no_production', (type) => {
    expect(downtimeCategory(type)).toBe('no_production');
  });

  it.each(['SETUP', 'CHANGEOVER', 'PLANNED_MAINTENANCE'])('puts %s under planned_stop', (type) => {
    expect(downtimeCategory(type)).toBe('planned_stop');
  });

  it.each(['BREAKDOWN', 'TOOL_CHANGE', 'MATERIAL_SHORTAGE', '', 'BREAKS', 'SET UP'])('puts %p (other or unknown) under unplanned_stop', (type) => {
    expect(downtimeCategory(type)).toBe('unplanned_stop');
  });

  it('ignores case and surrounding blanks', () => {
    expect(downtimeCategory('break')).toBe('no_production');
    expect(downtimeCategory(' Planned_Maintenance ')).toBe('planned_stop');
  });

  it('marks setup and changeover as the setup part of the planned stops', () => {
    expect(isSetupDowntime('setup')).toBe(true);
    expect(isSetupDowntime('CHANGEOVER')).toBe(true);
    expect(isSetupDowntime('PLANNED_MAINTENANCE')).toBe(false);
  });
});
