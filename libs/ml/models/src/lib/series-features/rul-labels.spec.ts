import { CMAPSS_RUL_CAP, rulLabels } from './rul-labels';

describe(rulLabels.name, () => {
  const rows = [
    { unit: 2, cycle: 2 },
    { unit: 1, cycle: 1 },
    { unit: 1, cycle: 200 },
    { unit: 2, cycle: 1 },
    { unit: 1, cycle: 150 },
  ];

  it('counts the orders left until the last row of the group, in input order', () => {
    expect(rulLabels(rows, { group: 'unit', order: 'cycle' })).toEqual([0, 199, 0, 1, 50]);
  });

  it('caps the label, as C-MAPSS work does at 125', () => {
    expect(rulLabels(rows, { group: 'unit', order: 'cycle', cap: CMAPSS_RUL_CAP })).toEqual([0, 125, 0, 1, 50]);
  });

  it('rejects a cap that is not positive and rows without a numeric order', () => {
    expect(() => rulLabels(rows, { group: 'unit', order: 'cycle', cap: 0 })).toThrow(RangeError);
    expect(() => rulLabels([{ unit: 1, cycle: 'x' }], { group: 'unit', order: 'cycle' })).toThrow(/order column "cycle"/);
  });
});
