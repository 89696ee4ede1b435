import { RobustScaler } from './robust-scaler';

/** Column-major matrix from columns. */
const matrix = (...columns: number[][]): Float64Array => Float64Array.from(columns.flat());

describe(RobustScaler.name, () => {
  it('centres on the median and scales by the IQR over 1.349, untouched by an outlier', () => {
    const scaler = RobustScaler.fit(matrix([1, 2, 3, 4, 5, 1000]), 6, 1, ['x']);
    expect(scaler.center[0]).toBe(3.5);
    expect(scaler.scale[0]).toBeCloseTo(2.5 / 1.349, 12);
    expect(scaler.standardise(3.5, 0)).toBe(0);
  });

  it('falls back to the deviation from the median when over half the values are equal, then to 1', () => {
    const scaler = RobustScaler.fit(matrix([0, 0, 0, 0, 2], [7, 7, 7, 7, 7]), 5, 2, ['flag', 'constant']);
    expect(scaler.center[0]).toBe(0);
    expect(scaler.scale[0]).toBeCloseTo(Math.sqrt(4 / 5), 12);
    expect(scaler.scale[1]).toBe(1);
  });

  it('turns a missing value into z = 0 and ignores missing values when fitting', () => {
    const scaler = RobustScaler.fit(matrix([NaN, 1, 2, 3, NaN]), 5, 1, ['x']);
    expect(scaler.center[0]).toBe(2);
    expect(scaler.standardise(NaN, 0)).toBe(0);
  });

  it.each([
    ['a feature missing everywhere', [NaN, NaN]],
    ['an infinite value', [1, Infinity]],
  ])('rejects %s', (_, column) => {
    expect(() => RobustScaler.fit(matrix(column), 2, 1, ['x'])).toThrow(RangeError);
  });

  it('rejects a stored zero scale', () => {
    expect(() => RobustScaler.of([0], [0])).toThrow(RangeError);
  });
});
