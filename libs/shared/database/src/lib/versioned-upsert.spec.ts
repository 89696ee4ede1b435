import { quoteIdentifier, versionedUpsertSql, type VersionedUpsert } from './versioned-upsert';

const oneLine = (sql: string): string => sql.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim();

const MACHINES: VersionedUpsert = {
  schema: 'analytics',
  table: 'machines',
  key: 'machine_id',
  inputs: [
    { name: 'machine_id', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'specifications', type: 'text' },
    { name: 'source_updated_at', type: 'timestamptz' },
  ],
  columns: [{ name: 'name' }, { name: 'specifications', value: 'r."specifications"::jsonb' }],
  version: { input: 'source_updated_at' },
  syncedAt: true,
};

describe(versionedUpsertSql.name, () => {
  it('writes the newest version of each key, only over an older row or a changed one of the same version', () => {
    expect(oneLine(versionedUpsertSql(MACHINES))).toBe(
      oneLine(`
        INSERT INTO "analytics"."machines" AS t ("machine_id", "name", "specifications", "source_updated_at", "synced_at", "deleted_at")
        SELECT DISTINCT ON (r."machine_id") r."machine_id", r."name", r."specifications"::jsonb, r."source_updated_at", now(), NULL::timestamptz
        FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) WITH ORDINALITY
          AS r("machine_id", "name", "specifications", "source_updated_at", "ord")
        ORDER BY r."machine_id", r."source_updated_at" DESC, r."ord" DESC
        ON CONFLICT ("machine_id") DO UPDATE SET "name" = EXCLUDED."name", "specifications" = EXCLUDED."specifications",
          "source_updated_at" = EXCLUDED."source_updated_at", "synced_at" = now(), "deleted_at" = NULL
        WHERE (t."deleted_at" IS NULL OR t."deleted_at" < EXCLUDED."source_updated_at")
          AND (t."source_updated_at" < EXCLUDED."source_updated_at"
            OR (t."source_updated_at" = EXCLUDED."source_updated_at"
              AND (t."name", t."specifications") IS DISTINCT FROM (EXCLUDED."name", EXCLUDED."specifications")))`),
    );
  });

  it('takes the version from an expression, leaves synced_at out and derived columns out of the comparison', () => {
    const sql = oneLine(
      versionedUpsertSql({
        schema: 'ml',
        table: 'stops',
        key: 'record_id',
        inputs: [
          { name: 'record_id', type: 'text' },
          { name: 'start_ms', type: 'float8' },
          { name: 'updated_ms', type: 'float8' },
        ],
        columns: [
          { name: 'start_time', value: 'to_timestamp(r."start_ms" / 1000)' },
          { name: 'end_time', value: 'to_timestamp(r."start_ms" / 1000 + 1)', compared: false },
        ],
        version: { input: 'updated_ms', value: 'to_timestamp(r."updated_ms" / 1000)' },
      }),
    );
    expect(sql).toContain(
      'INSERT INTO "ml"."stops" AS t ("record_id", "start_time", "end_time", "source_updated_at", "deleted_at") SELECT DISTINCT ON (r."record_id") r."record_id", to_timestamp(r."start_ms" / 1000), to_timestamp(r."start_ms" / 1000 + 1), to_timestamp(r."updated_ms" / 1000), NULL::timestamptz',
    );
    expect(sql).toContain('ORDER BY r."record_id", r."updated_ms" DESC, r."ord" DESC');
    expect(sql).toContain('"end_time" = EXCLUDED."end_time", "source_updated_at" = EXCLUDED."source_updated_at", "deleted_at" = NULL WHERE');
    expect(sql).toContain('AND (t."start_time") IS DISTINCT FROM (EXCLUDED."start_time")))');
    expect(sql).not.toContain('synced_at');
  });

  it('updates at a newer version only when no column is compared', () => {
    const sql = oneLine(versionedUpsertSql({ ...MACHINES, columns: [{ name: 'name', compared: false }] }));
    expect(sql.endsWith('AND (t."source_updated_at" < EXCLUDED."source_updated_at")')).toBe(true);
  });

  it('quotes every identifier, doubling a double quote', () => {
    expect(quoteIdentifier('select')).toBe('"select"');
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
    const sql = versionedUpsertSql({
      ...MACHINES,
      schema: 'my schema',
      table: 'x"; DROP TABLE y; --',
      inputs: [...MACHINES.inputs, { name: 'Order', type: 'int' }],
      columns: [{ name: 'Order' }],
    });
    expect(sql).toContain('INSERT INTO "my schema"."x""; DROP TABLE y; --" AS t ("machine_id", "Order",');
    expect(sql).toContain('EXCLUDED."Order"');
    expect(sql).toContain('AS r("machine_id", "name", "specifications", "source_updated_at", "Order", "ord")');
  });

  it('refuses a type that is no type name, a missing key or version input, repeated names and "ord"', () => {
    expect(() => quoteIdentifier('')).toThrow(RangeError);
    expect(() => versionedUpsertSql({ ...MACHINES, inputs: [{ name: 'machine_id', type: 'text[]); DROP' }, ...MACHINES.inputs.slice(1)] })).toThrow(
      /not a type name/,
    );
    expect(() => versionedUpsertSql({ ...MACHINES, key: 'id' })).toThrow(/no input named "id"/);
    expect(() => versionedUpsertSql({ ...MACHINES, version: { input: 'updated' } })).toThrow(/no input named "updated"/);
    expect(() => versionedUpsertSql({ ...MACHINES, inputs: [...MACHINES.inputs, { name: 'ord', type: 'int' }] })).toThrow(/not "ord"/);
    expect(() => versionedUpsertSql({ ...MACHINES, columns: [{ name: 'name' }, { name: 'name' }] })).toThrow(/columns must be unique/);
    expect(() => versionedUpsertSql({ ...MACHINES, columns: [{ name: 'deleted_at' }] })).toThrow(/columns must be unique/);
  });
});
