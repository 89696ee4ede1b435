import { downtimeCategory, isBreakdown, isPlannedMaintenance } from './downtime-category';

describe(downtimeCategory.name, () => {
  it('sorts downtime types into the OEE categories, case-insensitively', () => {
    for (const type of ['BREAK', 'no_demand', 'Shutdown', 'PLANNED']) expect(downtimeCategory(type, 3600)).toBe('no_production');
    for (const type of ['SETUP', 'changeover', 'PLANNED_MAINTENANCE']) expect(downtimeCategory(type, 30)).toBe('planned_stop');
    for (const type of ['BREAKDOWN', 'MATERIAL', 'something new']) expect(downtimeCategory(type, 120)).toBe('unplanned_stop');
  });

  it('makes an unplanned stop shorter than the micro-stop threshold a small stop', () => {
    expect(downtimeCategory('OPERATOR', 119)).toBe('small_stop');
    expect(downtimeCategory('OPERATOR', 119, 60)).toBe('unplanned_stop');
  });

  it('recognises breakdowns and planned maintenance', () => {
    expect(isBreakdown('breakdown')).toBe(true);
    expect(isBreakdown('TOOLING')).toBe(false);
    expect(isPlannedMaintenance('PLANNED_MAINTENANCE')).toBe(true);
  });
});
