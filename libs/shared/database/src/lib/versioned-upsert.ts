/** One array parameter of the batch: its name in the unnest alias and its element type. */
export interface UpsertInput {
  name: string;
  /** PostgreSQL element type of the array parameter: `text`, `timestamptz`, `float8`, `int`, `bigint`… */
  type: string;
}

/** A column written by the upsert. */
export interface UpsertColumn {
  name: string;
  /** SQL over the batch row `r` giving the column's value; `r."<name>"` when left out. A constant, never input. */
  value?: string;
  /**
   * Whether a difference in this column makes a record of the same version an update. Off for columns derived from
   * others (an end time from start and duration), which cannot differ on their own.
   */
  compared?: boolean;
}

export interface VersionedUpsert {
  schema: string;
  table: string;
  /** The natural key: the conflict target, a column and an input of this name. */
  key: string;
  /** The array parameters, in the order of `$1, $2, …`. */
  inputs: readonly UpsertInput[];
  /** The columns besides the key and the bookkeeping ones (`source_updated_at`, `synced_at`, `deleted_at`). */
  columns: readonly UpsertColumn[];
  /** The record's version: the input that orders a batch and the SQL that gives `source_updated_at` from it. */
  version: { input: string; value?: string };
  /** Whether the table has a `synced_at` column, set to now() on every write. */
  syncedAt?: boolean;
}

const TYPE = /^[a-z][a-z0-9_]*( [a-z][a-z0-9_]*)*$/;

/** A quoted identifier: any name, a double quote doubled (PostgreSQL §4.1.1). */
export function quoteIdentifier(name: string): string {
  if (name === '' || name.includes('\0')) throw new RangeError(`not an identifier: ${JSON.stringify(name)}`);
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The statement that applies a batch of versioned records (arrays of column values, one parameter per input) in one
 * round trip. Within the batch the newest version of a key wins (the later one on a tie). A stored row changes only
 * for a version at least as new as its own and newer than its tombstone, and at the same version only if a compared
 * column differs — so a redelivered or replayed batch, or an older record arriving late, writes nothing. A write
 * clears the tombstone. Every identifier is quoted; value expressions are the caller's constants.
 */
export function versionedUpsertSql(spec: VersionedUpsert): string {
  const q = quoteIdentifier;
  const names = spec.inputs.map((input) => input.name);
  for (const input of spec.inputs) if (!TYPE.test(input.type)) throw new RangeError(`not a type name: ${JSON.stringify(input.type)}`);
  if (new Set(names).size !== names.length || names.includes('ord')) throw new RangeError(`input names must be unique and not "ord": ${names.join(', ')}`);
  for (const needed of [spec.key, spec.version.input]) if (!names.includes(needed)) throw new RangeError(`no input named ${JSON.stringify(needed)}`);
  const written = [spec.key, ...spec.columns.map((c) => c.name), 'source_updated_at', ...(spec.syncedAt ? ['synced_at'] : []), 'deleted_at'];
  if (new Set(written).size !== written.length) throw new RangeError(`columns must be unique: ${written.join(', ')}`);

  const values = [
    `r.${q(spec.key)}`,
    ...spec.columns.map((c) => c.value ?? `r.${q(c.name)}`),
    spec.version.value ?? `r.${q(spec.version.input)}`,
    ...(spec.syncedAt ? ['now()'] : []),
    'NULL::timestamptz',
  ];
  const updates = [
    ...spec.columns.map((c) => `${q(c.name)} = EXCLUDED.${q(c.name)}`),
    `"source_updated_at" = EXCLUDED."source_updated_at"`,
    ...(spec.syncedAt ? ['"synced_at" = now()'] : []),
    '"deleted_at" = NULL',
  ];
  const compared = spec.columns.filter((c) => c.compared !== false).map((c) => q(c.name));
  const newer = `t."source_updated_at" < EXCLUDED."source_updated_at"`;
  const sameButChanged =
    compared.length === 0
      ? ''
      : `
      OR (t."source_updated_at" = EXCLUDED."source_updated_at"
        AND (${compared.map((c) => `t.${c}`).join(', ')})
          IS DISTINCT FROM (${compared.map((c) => `EXCLUDED.${c}`).join(', ')}))`;
  return `
  INSERT INTO ${q(spec.schema)}.${q(spec.table)} AS t (${written.map(q).join(', ')})
  SELECT DISTINCT ON (r.${q(spec.key)}) ${values.join(', ')}
  FROM unnest(${spec.inputs.map((input, i) => `$${i + 1}::${input.type}[]`).join(', ')}) WITH ORDINALITY
    AS r(${[...names, 'ord'].map(q).join(', ')})
  ORDER BY r.${q(spec.key)}, r.${q(spec.version.input)} DESC, r."ord" DESC
  ON CONFLICT (${q(spec.key)}) DO UPDATE SET ${updates.join(', ')}
  WHERE (t."deleted_at" IS NULL OR t."deleted_at" < EXCLUDED."source_updated_at")
    AND (${newer}${sameButChanged})`;
}
