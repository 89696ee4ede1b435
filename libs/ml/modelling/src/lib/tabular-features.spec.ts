import fc from 'fast-check';
import { categoricalInput, derivedCandidates, TabularEncoder, tabularLayout, tabularRow, ONE_HOT_MAX_LEVELS } from './tabular-features';

describe(TabularEncoder.name, () => {
  it('lays out inputs, derived features and one-hot levels, and reads an unseen or missing level as missing', () => {
    const encoder = new TabularEncoder({
      inputs: ['torque', 'rpm'],
      crosses: [],
      derived: [
        { op: 'product', a: 0, b: 1 },
        { op: 'ratio', a: 0, b: 1 },
      ],
      categorical: [categoricalInput('Type', ['L', 'M'])],
    });
    expect(encoder.names).toEqual(['torque', 'rpm', 'torque × rpm', 'torque ÷ rpm', 'Type = L', 'Type = M']);
    expect([...encoder.row([2, 4], ['M'])]).toEqual([2, 4, 8, 0.5, 0, 1]);
    expect([...encoder.row([2, 0], ['H'])]).toEqual([2, 0, 0, Number.NaN, Number.NaN, Number.NaN]);
    expect([...encoder.row([2, 4], [null])].slice(4)).toEqual([Number.NaN, Number.NaN]);
  });

  it('gives many levels one ordinal column', () => {
    const levels = Array.from({ length: ONE_HOT_MAX_LEVELS + 1 }, (_, i) => `m${i}`);
    const encoder = new TabularEncoder({ inputs: [], crosses: [], categorical: [categoricalInput('model', levels)] });
    expect(encoder.names).toEqual(['model']);
    expect([...encoder.row([], ['m3'])]).toEqual([3]);
  });

  it('keeps the rows of models trained with every pair crossed', () => {
    const layout = tabularLayout(['a', 'b', 'c'], true);
    expect([...tabularRow(layout, [1, 2, 3])]).toEqual([1, 2, 3, 2, -1, 3, -2, 6, -1]);
  });

  it('never throws on any level text, and a level maps to its own column only', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: 'grapheme', maxLength: 8 }), { minLength: 1, maxLength: ONE_HOT_MAX_LEVELS }),
        fc.string(),
        (levels, other) => {
          const encoder = new TabularEncoder({ inputs: [], crosses: [], categorical: [categoricalInput('c', levels)] });
          levels.forEach((level, i) => expect([...encoder.row([], [level])].indexOf(1)).toBe(i));
          const row = [...encoder.row([], [other])];
          expect(levels.includes(other) ? row.filter((v) => v === 1).length : row.every(Number.isNaN)).toBeTruthy();
        },
      ),
    );
  });
});

describe(derivedCandidates.name, () => {
  it('offers a product, difference and ratio of every pair, and none past the input bound', () => {
    expect(derivedCandidates(3)).toHaveLength(9);
    expect(derivedCandidates(13)).toEqual([]);
  });
});
