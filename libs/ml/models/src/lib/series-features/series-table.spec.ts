import { SeriesTable } from './series-table';

const at = { group: 'machine', order: 't' };

describe(SeriesTable.name, () => {
  it('sorts each group by order and keeps groups in order of first appearance', () => {
    const table = SeriesTable.read(
      [
        { machine: 'b', t: 3, v: 1 },
        { machine: 'a', t: 2, v: 2 },
        { machine: 'b', t: 1, v: 3 },
        { machine: 'a', t: 1, v: 4 },
      ],
      at,
      ['v'],
    );
    expect(table.series.map((s) => Array.from(s))).toEqual([
      [2, 0],
      [3, 1],
    ]);
    expect(Array.from(table.values[0])).toEqual([1, 2, 3, 4]);
  });

  it('reads numeric strings and date orders', () => {
    const table = SeriesTable.read([{ machine: 7, t: new Date(1000), v: ' 2.5 ' }], at, ['v']);
    expect(table.groupOf).toEqual([7]);
    expect(table.orderOf[0]).toBe(1000);
    expect(table.values[0][0]).toBe(2.5);
  });

  it('throws a RangeError naming the row and column of a missing or non-numeric value', () => {
    expect(() => SeriesTable.read([{ machine: 'a', t: 1 }], at, ['v'])).toThrow(new RangeError('row 0: column "v" is missing'));
    expect(() =>
      SeriesTable.read(
        [
          { machine: 'a', t: 1, v: 1 },
          { machine: 'a', t: 2, v: 'high' },
        ],
        at,
        ['v'],
      ),
    ).toThrow(new RangeError('row 1: column "v" must be a finite number, got "high"'));
    expect(() => SeriesTable.read([{ machine: 'a', t: 1, v: NaN }], at, ['v'])).toThrow(/must be a finite number, got NaN/);
    expect(() => SeriesTable.read([{ machine: 'a', t: '', v: 1 }], at, ['v'])).toThrow(/order column "t" must be a finite number/);
    expect(() => SeriesTable.read([{ t: 1, v: 1 }], at, ['v'])).toThrow(/group column "machine" is missing/);
    expect(() => SeriesTable.read([{ machine: true, t: 1, v: 1 }], at, ['v'])).toThrow(/must be a string or a number/);
  });

  it('rejects two rows of one group at the same order', () => {
    const rows = [
      { machine: 'a', t: 1, v: 1 },
      { machine: 'b', t: 2, v: 1 },
      { machine: 'a', t: 1, v: 2 },
    ];
    expect(() => SeriesTable.read(rows, at, ['v'])).toThrow(
      new RangeError('group "a" has two rows at t = 1 (rows 0 and 2); each (machine, t) pair must be unique'),
    );
  });
});
