import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkMapping, type SourceColumn } from './mapping-check';
import { defaultMapping, mergeMapping } from './source-mapping';

/** Table, column and base type of every column in the CREATE TABLE statements of a schema file. */
function parseColumns(sql: string): SourceColumn[] {
  const columns: SourceColumn[] = [];
  const tables = /CREATE TABLE(?:\s+IF NOT EXISTS)?\s+`?(\w+)`?\s*\(([\s\S]*?)\n\);/gi;
  for (const [, table, body] of sql.matchAll(tables)) {
    for (const rawLine of body.split('\n')) {
      const line = rawLine.replace(/--.*$/, '').trim();
      if (!line || /^(PRIMARY|UNIQUE|KEY|INDEX|CONSTRAINT|FOREIGN)\b/i.test(line)) continue;
      const match = /^`?(\w+)`?\s+([A-Za-z]+)/.exec(line);
      if (match) columns.push({ table, column: match[1], dataType: match[2].toLowerCase() });
    }
  }
  return columns;
}

const SOURCE_SQL = path.resolve(__dirname, '../../../../../shared/cimco-source.sql');
const sourceColumns = parseColumns(readFileSync(SOURCE_SQL, 'utf8'));

const withType = (columns: SourceColumn[], table: string, column: string, dataType: string): SourceColumn[] =>
  columns.map((c) => (c.table === table && c.column === column ? { ...c, dataType } : c));

describe('checkMapping', () => {
  it('reads the default source layout', () => {
    expect(new Set(sourceColumns.map((c) => c.table))).toEqual(new Set(['machines', 'jobs', 'downtime_records', 'machine_events', 'machine_readings']));
    expect(sourceColumns).toContainEqual({ table: 'jobs', column: 'start_time', dataType: 'datetime' });
    expect(sourceColumns).toContainEqual({ table: 'machines', column: 'specifications', dataType: 'json' });
    expect(sourceColumns).toContainEqual({ table: 'machine_events', column: 'event_id', dataType: 'bigint' });
    expect(sourceColumns.filter((c) => c.table === 'jobs')).toHaveLength(13);
  });

  it('finds no problems with the default mapping on the default layout', () => {
    expect(checkMapping(defaultMapping(), sourceColumns)).toEqual([]);
  });

  it('accepts specifications stored as longtext, as MariaDB keeps JSON', () => {
    const mariadb = withType(sourceColumns, 'machines', 'specifications', 'longtext');
    expect(checkMapping(defaultMapping(), mariadb)).toEqual([]);
  });

  it('accepts DECIMAL durations and TIMESTAMP times', () => {
    const variant = withType(withType(sourceColumns, 'downtime_records', 'duration', 'decimal'), 'jobs', 'updated_at', 'timestamp');
    expect(checkMapping(defaultMapping(), variant)).toEqual([]);
  });

  it('reports a missing table once, without a column', () => {
    const problems = checkMapping(
      defaultMapping(),
      sourceColumns.filter((c) => c.table !== 'downtime_records'),
    );
    expect(problems).toEqual([
      { entity: 'downtime_records', table: 'downtime_records', column: null, problem: 'table downtime_records does not exist in the source database' },
    ]);
  });

  it('reports a mapped table the source does not have', () => {
    const mapping = mergeMapping(defaultMapping(), { entities: { jobs: { table: 'mdc_orders' } } });
    expect(checkMapping(mapping, sourceColumns)).toEqual([
      { entity: 'jobs', table: 'mdc_orders', column: null, problem: 'table mdc_orders does not exist in the source database' },
    ]);
  });

  it('reports a missing column with table, column and field', () => {
    const problems = checkMapping(
      defaultMapping(),
      sourceColumns.filter((c) => !(c.table === 'jobs' && c.column === 'operator_id')),
    );
    expect(problems).toEqual([{ entity: 'jobs', table: 'jobs', column: 'operator_id', problem: 'column jobs.operator_id (for operator_id) does not exist' }]);
  });

  it('names the mapped column and the field it stands for', () => {
    const mapping = mergeMapping(defaultMapping(), { entities: { machine_readings: { columns: { value: 'reading_value' } } } });
    expect(checkMapping(mapping, sourceColumns)).toEqual([
      {
        entity: 'machine_readings',
        table: 'machine_readings',
        column: 'reading_value',
        problem: 'column machine_readings.reading_value (for value) does not exist',
      },
    ]);
  });

  it('reports a column of an incompatible type', () => {
    const problems = checkMapping(defaultMapping(), withType(sourceColumns, 'jobs', 'start_time', 'varchar'));
    expect(problems).toEqual([
      {
        entity: 'jobs',
        table: 'jobs',
        column: 'start_time',
        problem: 'column jobs.start_time (for start_time) is varchar; expected one of datetime, timestamp, date',
      },
    ]);
  });

  it('rejects a fractional type for a whole-number field', () => {
    const problems = checkMapping(defaultMapping(), withType(sourceColumns, 'jobs', 'parts_produced', 'double'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ entity: 'jobs', table: 'jobs', column: 'parts_produced' });
    expect(problems[0].problem).toBe('column jobs.parts_produced (for parts_produced) is double; expected one of int, bigint, smallint, tinyint, mediumint');
  });

  it('lists every problem across entities', () => {
    const columns = withType(
      sourceColumns.filter((c) => c.table !== 'machine_events' && !(c.table === 'machines' && c.column === 'name')),
      'machine_readings',
      'value',
      'varchar',
    );
    const problems = checkMapping(defaultMapping(), columns);
    expect(problems.map((p) => [p.entity, p.column])).toEqual([
      ['machines', 'name'],
      ['machine_events', null],
      ['machine_readings', 'value'],
    ]);
  });

  it('matches table, column and type names case-insensitively', () => {
    const upper = sourceColumns.map((c) => ({ table: c.table.toUpperCase(), column: c.column.toUpperCase(), dataType: c.dataType.toUpperCase() }));
    expect(checkMapping(defaultMapping(), upper)).toEqual([]);
    const mapping = mergeMapping(defaultMapping(), { entities: { jobs: { table: 'JOBS', columns: { start_time: 'Start_Time' } } } });
    expect(checkMapping(mapping, sourceColumns)).toEqual([]);
  });

  it('reports every table when the source is empty', () => {
    const problems = checkMapping(defaultMapping(), []);
    expect(problems.map((p) => [p.table, p.column])).toEqual([
      ['machines', null],
      ['jobs', null],
      ['downtime_records', null],
      ['machine_events', null],
      ['machine_readings', null],
    ]);
  });
});
