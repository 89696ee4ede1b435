import { Client } from 'pg';
import { instantArray, numberArray, textArray } from './pg-array';

describe('PostgreSQL array literals', () => {
  it('writes numbers unquoted and null as NULL', () => {
    expect(numberArray([1, -2.5, null, 1e21, 0])).toBe('{1,-2.5,NULL,1e+21,0}');
    expect(numberArray([])).toBe('{}');
  });

  it('refuses numbers without a literal', () => {
    expect(() => numberArray([Number.NaN])).toThrow(RangeError);
    expect(() => numberArray([Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });

  it('quotes every text and escapes quotes and backslashes', () => {
    expect(textArray(['a', 'NULL', '', 'x,y', 'say "hi"', 'C:\\tmp', null, '{}'])).toBe('{"a","NULL","","x,y","say \\"hi\\"","C:\\\\tmp",NULL,"{}"}');
  });

  it('writes Dates as UTC instants and passes instant strings through', () => {
    expect(instantArray([new Date('2026-01-01T06:00:00.000Z'), '2026-01-01T07:00:00.000+01:00', null])).toBe(
      '{"2026-01-01T06:00:00.000Z","2026-01-01T07:00:00.000+01:00",NULL}',
    );
  });

  describe('read back by PostgreSQL', () => {
    const client = new Client({ connectionString: process.env['DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
    beforeAll(() => client.connect());
    afterAll(() => client.end());

    it('gives back exactly the values written, whatever characters the texts hold', async () => {
      const texts = [
        'plain',
        'NULL',
        'null',
        '',
        ' padded ',
        'x,y',
        '{braces}',
        'say "hi"',
        'back\\slash',
        'ünïcødé ✓',
        'tab\there',
        'new\nline',
        "it's",
        null,
      ];
      const numbers = [1, 9007199254740991, -0.000123, 123456.789, null];
      const result = await client.query<{ t: (string | null)[]; n: (number | null)[]; ts: Date[] }>(
        'SELECT $1::text[] AS t, $2::float8[] AS n, $3::timestamptz[] AS ts',
        [
          textArray(texts),
          numberArray(numbers),
          instantArray(['2026-03-29T00:59:59.000Z', new Date('2026-10-25T00:30:00.000Z'), '2026-10-25T02:30:00.000+01:00']),
        ],
      );
      expect(result.rows[0].t).toEqual(texts);
      expect(result.rows[0].n).toEqual(numbers);
      expect(result.rows[0].ts.map((d) => d.toISOString())).toEqual(['2026-03-29T00:59:59.000Z', '2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']);
    });
  });
});
