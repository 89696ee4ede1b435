import { defaultMapping, mergeMapping } from '../source/source-mapping';
import { sourceCountQuery } from './source-count-queries';

const mapping = defaultMapping();

const mutable = (lastUpdatedAt: string, lastKey: string | null) => ({ lastUpdatedAt, lastKey, lastId: null });
const append = (lastId: number) => ({ lastUpdatedAt: null, lastKey: null, lastId });

describe(sourceCountQuery.name, () => {
  it('counts every row as not yet synced when there is no watermark', () => {
    expect(sourceCountQuery(mapping, 'jobs', undefined)).toBe('SELECT COUNT(*) AS n, COUNT(*) AS pending FROM `jobs` AS t');
    expect(sourceCountQuery(mapping, 'machine_events', undefined)).toBe('SELECT COUNT(*) AS n, COUNT(*) AS pending FROM `machine_events` AS t');
  });

  it('counts rows of a mutable table after the watermark by updated_at, then key, without the safety-lag bound', () => {
    expect(sourceCountQuery(mapping, 'jobs', mutable('2026-01-15 08:00:01.500', 'J-1001'))).toBe(
      "SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN (`t`.`updated_at` > '2026-01-15 08:00:01.500' OR " +
        "(`t`.`updated_at` = '2026-01-15 08:00:01.500' AND `t`.`job_id` > 'J-1001')) THEN 1 ELSE 0 END), 0) AS pending FROM `jobs` AS t",
    );
  });

  it('uses the entity key of each mutable table', () => {
    expect(sourceCountQuery(mapping, 'machines', mutable('2026-01-15 07:00:00', 'M-1'))).toContain("AND `t`.`machine_id` > 'M-1'");
    expect(sourceCountQuery(mapping, 'downtime_records', mutable('2026-01-15 07:00:00', 'D-9'))).toContain("AND `t`.`record_id` > 'D-9'");
  });

  it('counts rows of an append-only table after the last id', () => {
    expect(sourceCountQuery(mapping, 'machine_readings', append(4711))).toBe(
      'SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN `t`.`reading_id` > 4711 THEN 1 ELSE 0 END), 0) AS pending FROM `machine_readings` AS t',
    );
  });

  it('treats a watermark of the other kind as none (nothing read yet)', () => {
    expect(sourceCountQuery(mapping, 'machine_events', mutable('2026-01-15 07:00:00', 'x'))).toBe(
      'SELECT COUNT(*) AS n, COUNT(*) AS pending FROM `machine_events` AS t',
    );
    expect(sourceCountQuery(mapping, 'jobs', append(3))).toBe('SELECT COUNT(*) AS n, COUNT(*) AS pending FROM `jobs` AS t');
  });

  it('quotes watermark values as literals, whatever they contain', () => {
    const query = sourceCountQuery(mapping, 'jobs', mutable("2026' OR 1=1 --", "J'1\\"));
    expect(query).toContain("`t`.`updated_at` > '2026\\' OR 1=1 --'");
    expect(query).toContain("`t`.`job_id` > 'J\\'1\\\\'");
  });

  it('reads the mapped table and columns, each name one identifier', () => {
    const custom = mergeMapping(mapping, { entities: { jobs: { table: 'mdc.orders', columns: { job_id: 'order`no', updated_at: 'changed_at' } } } });
    expect(sourceCountQuery(custom, 'jobs', mutable('2026-01-15 07:00:00', 'J-1'))).toBe(
      "SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN (`t`.`changed_at` > '2026-01-15 07:00:00' OR (`t`.`changed_at` = '2026-01-15 07:00:00' AND " +
        "`t`.`order``no` > 'J-1')) THEN 1 ELSE 0 END), 0) AS pending FROM `mdc.orders` AS t",
    );
  });
});
