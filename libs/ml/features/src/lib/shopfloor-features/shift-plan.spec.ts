import { ShiftPlan } from './shift-plan';

describe(ShiftPlan.name, () => {
  const plan = new ShiftPlan([
    { start: '06:00', end: '14:00' },
    { start: '14:00', end: '22:00' },
    { start: '22:00', end: '06:00' },
  ]);

  it('finds the shift of a wall time, start inclusive and end exclusive', () => {
    expect(plan.indexAt(6 * 60)).toBe(0);
    expect(plan.indexAt(14 * 60 - 0.5)).toBe(0);
    expect(plan.indexAt(14 * 60)).toBe(1);
  });

  it('lets a shift cross midnight', () => {
    expect(plan.indexAt(23 * 60)).toBe(2);
    expect(plan.indexAt(5 * 60 + 59)).toBe(2);
  });

  it('answers -1 outside every shift', () => {
    expect(new ShiftPlan([{ start: '06:00', end: '14:00' }]).indexAt(15 * 60)).toBe(-1);
  });

  it('accepts 24:00 as an end and rejects malformed times', () => {
    expect(new ShiftPlan([{ start: '18:00', end: '24:00' }]).indexAt(23 * 60 + 59)).toBe(0);
    expect(() => new ShiftPlan([{ start: '25:00', end: '06:00' }])).toThrow(RangeError);
    expect(() => new ShiftPlan([{ start: '6:00', end: '14:00' }])).toThrow(RangeError);
    expect(() => new ShiftPlan([{ start: '24:00', end: '06:00' }])).toThrow(RangeError);
  });
});
