import { SHOPFLOOR_ENTITIES } from '@shopfloor/contracts';
import { ENTITY_SPECS } from './source-fields';
import { defaultMapping, MappingFormatError, mergeMapping } from './source-mapping';

describe('defaultMapping', () => {
  it('maps every entity to the table of the same name', () => {
    const mapping = defaultMapping();
    expect(Object.keys(mapping.entities)).toEqual([...SHOPFLOOR_ENTITIES]);
    for (const entity of SHOPFLOOR_ENTITIES) {
      expect(mapping.entities[entity].table).toBe(entity);
    }
  });

  it('names every canonical field after itself', () => {
    const mapping = defaultMapping();
    for (const entity of SHOPFLOOR_ENTITIES) {
      const fields = Object.keys(ENTITY_SPECS[entity].fields);
      expect(mapping.entities[entity].columns).toEqual(Object.fromEntries(fields.map((f) => [f, f])));
    }
    expect(mapping.entities.jobs.columns['start_time']).toBe('start_time');
    expect(mapping.entities.machine_readings.columns['reading_id']).toBe('reading_id');
  });

  it('reads source times as UTC unless told otherwise', () => {
    expect(defaultMapping().timezone).toBe('UTC');
    expect(defaultMapping('Europe/Berlin').timezone).toBe('Europe/Berlin');
  });

  it('gives every call its own copy', () => {
    const a = defaultMapping();
    a.entities.jobs.table = 'changed';
    expect(defaultMapping().entities.jobs.table).toBe('jobs');
  });
});

describe('mergeMapping', () => {
  const expectFormatError = (override: unknown, message: RegExp): void => {
    let thrown: unknown;
    try {
      mergeMapping(defaultMapping(), override);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MappingFormatError);
    expect((thrown as Error).message).toMatch(message);
  };

  it('keeps the base mapping when there is nothing to override', () => {
    expect(mergeMapping(defaultMapping('Europe/Berlin'), {})).toEqual(defaultMapping('Europe/Berlin'));
  });

  it('overrides a table and single columns and keeps the rest', () => {
    const merged = mergeMapping(defaultMapping(), {
      timezone: 'Europe/Berlin',
      entities: { jobs: { table: 'mdc_orders', columns: { job_id: 'order_no', start_time: 'begin_ts' } } },
    });
    expect(merged.timezone).toBe('Europe/Berlin');
    expect(merged.entities.jobs.table).toBe('mdc_orders');
    expect(merged.entities.jobs.columns).toEqual({ ...defaultMapping().entities.jobs.columns, job_id: 'order_no', start_time: 'begin_ts' });
    expect(merged.entities.jobs.columns['machine_id']).toBe('machine_id');
    expect(merged.entities.machines).toEqual(defaultMapping().entities.machines);
    expect(merged.entities.downtime_records).toEqual(defaultMapping().entities.downtime_records);
  });

  it('renames columns without moving the table', () => {
    const merged = mergeMapping(defaultMapping(), { entities: { machine_events: { columns: { event_time: 'ts' } } } });
    expect(merged.entities.machine_events.table).toBe('machine_events');
    expect(merged.entities.machine_events.columns['event_time']).toBe('ts');
    expect(merged.timezone).toBe('UTC');
  });

  it('does not change the base mapping', () => {
    const base = defaultMapping('UTC');
    const before = structuredClone(base);
    const merged = mergeMapping(base, { timezone: 'Europe/Berlin', entities: { jobs: { table: 'mdc_orders', columns: { job_id: 'order_no' } } } });
    expect(base).toEqual(before);
    expect(merged.entities.jobs.columns).not.toBe(base.entities.jobs.columns);
  });

  it.each([
    ['null', null],
    ['a string', 'Europe/Berlin'],
    ['a number', 42],
    ['an array', [{ timezone: 'UTC' }]],
  ])('rejects %s as the mapping', (_label, override) => {
    expectFormatError(override, /^the mapping must be a JSON object$/);
  });

  it('rejects an unknown top-level key by name', () => {
    expectFormatError({ timezone: 'UTC', tables: {} }, /^unknown mapping keys: tables$/);
  });

  it('rejects an unknown entity by name', () => {
    expectFormatError({ entities: { workorders: { table: 'wo' } } }, /^unknown entity workorders$/);
  });

  it('rejects an unknown field by entity and name', () => {
    expectFormatError({ entities: { jobs: { columns: { order_no: 'order_no' } } } }, /^jobs has no field order_no$/);
  });

  it('rejects a field of another entity', () => {
    expectFormatError({ entities: { machines: { columns: { job_id: 'x' } } } }, /^machines has no field job_id$/);
  });

  it('rejects an empty table name', () => {
    expectFormatError({ entities: { jobs: { table: '' } } }, /^jobs\.table must be a table name$/);
  });

  it('rejects a table name that is not text', () => {
    expectFormatError({ entities: { downtime_records: { table: 7 } } }, /^downtime_records\.table must be a table name$/);
  });

  it('rejects an empty column name', () => {
    expectFormatError({ entities: { jobs: { columns: { end_time: '' } } } }, /^jobs\.columns\.end_time must be a column name$/);
  });

  it('rejects a column name that is not text', () => {
    expectFormatError({ entities: { machine_readings: { columns: { value: null } } } }, /^machine_readings\.columns\.value must be a column name$/);
  });

  it('rejects entities that are not an object', () => {
    expectFormatError({ entities: 'jobs' }, /^entities must be an object$/);
    expectFormatError({ entities: null }, /^entities must be an object$/);
  });

  it.each(['Europe/Berlinn', 'Mars/Olympus', '', 'CET+1'])('rejects %j as the time zone', (zone) => {
    expectFormatError({ timezone: zone }, new RegExp(`^timezone ${JSON.stringify(zone).replace(/[+]/g, '\\+')} is not an IANA time zone$`));
  });

  it('rejects a time zone that is not text', () => {
    expectFormatError({ timezone: 60 }, /^timezone 60 is not an IANA time zone$/);
  });

  it('accepts IANA zones', () => {
    expect(mergeMapping(defaultMapping(), { timezone: 'America/Chicago' }).timezone).toBe('America/Chicago');
    expect(mergeMapping(defaultMapping(), { timezone: 'UTC' }).timezone).toBe('UTC');
  });

  it('leaves the base mapping untouched when an override is rejected', () => {
    const base = defaultMapping();
    expect(() => mergeMapping(base, { entities: { jobs: { table: 'mdc_orders', columns: { nope: 'x' } } } })).toThrow(MappingFormatError);
    expect(base.entities.jobs.table).toBe('jobs');
  });
});
