import { isBreakdown, isPlannedMaintenance } from './stop-types';

describe(isBreakdown.name, () => {
  it('recognises breakdowns and planned maintenance', () => {
    expect(isBreakdown('breakdown')).toBe(true);
    expect(isBreakdown('TOOLING')).toBe(false);
    expect(isPlannedMaintenance('PLANNED_MAINTENANCE')).toBe(true);
    expect(isPlannedMaintenance(' planned_maintenance ')).toBe(true);
    expect(isPlannedMaintenance('SETUP')).toBe(false);
  });
});
