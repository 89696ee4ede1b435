import { isDataError, writeIsolating } from './record-rejections';

const dataError = (code: string): Error => Object.assign(new Error(`refused (${code})`), { driverError: { code } });

describe(writeIsolating.name, () => {
  it('writes every record the database takes and names the ones it refuses for their data', async () => {
    const written: number[] = [];
    const statements: number[][] = [];
    const write = async (records: number[]): Promise<number> => {
      statements.push(records);
      if (records.includes(13) || records.includes(77)) throw dataError('22P05');
      written.push(...records);
      return records.length;
    };
    const records = Array.from({ length: 100 }, (_, i) => i);
    const { changed, failed } = await writeIsolating(records, write);
    expect(changed).toBe(98);
    expect(failed.map((f) => f.record)).toEqual([13, 77]);
    expect(failed[0].reason).toMatch(/SQLSTATE 22P05/);
    expect(written.sort((a, b) => a - b)).toEqual(records.filter((r) => r !== 13 && r !== 77));
    expect(statements.length).toBeLessThan(30);
  });

  it('throws any other error, so the whole batch is retried', async () => {
    await expect(writeIsolating([1, 2], async () => Promise.reject(Object.assign(new Error('connection reset'), { code: 'ECONNRESET' })))).rejects.toThrow(
      'connection reset',
    );
  });

  it('knows data errors by SQLSTATE', () => {
    expect(['22021', '22P05', '22003', '22008', '23502', '23514', '54000'].every((c) => isDataError(dataError(c)))).toBe(true);
    expect(['40001', '57014', '08006', '23505'].some((c) => isDataError(dataError(c)))).toBe(false);
    expect(isDataError(new Error('x'))).toBe(false);
  });
});
