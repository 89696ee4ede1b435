import { isSetupDowntime } from './setup-downtime';

describe(isSetupDowntime.name, () => {
  it('marks setup and changeover as the setup part of the planned stops', () => {
    expect(isSetupDowntime('setup')).toBe(true);
    expect(isSetupDowntime('CHANGEOVER')).toBe(true);
    expect(isSetupDowntime(' Changeover ')).toBe(true);
    expect(isSetupDowntime('PLANNED_MAINTENANCE')).toBe(false);
    expect(isSetupDowntime('BREAKDOWN')).toBe(false);
  });
});
