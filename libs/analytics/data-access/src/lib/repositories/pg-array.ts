/**
 * PostgreSQL array literals for batch statements (`unnest($1::bigint[], ...)`), written directly: numbers unquoted,
 * text quoted and escaped, NULL for null. Cheaper than the driver's general array encoding, which quotes every
 * element and formats each Date in the local zone — a real share of a full sync's time.
 */

/** bigint / integer / double precision elements. Non-finite numbers are refused (they have no literal). */
export function numberArray(values: readonly (number | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    if (i > 0) out += ',';
    if (v === null) {
      out += 'NULL';
    } else if (Number.isFinite(v)) {
      out += String(v);
    } else {
      throw new RangeError(`${v} cannot be stored as a number`);
    }
  }
  return `${out}}`;
}

const NEEDS_ESCAPE = /["\\]/;

/** text elements: each quoted, with `"` and `\` escaped, so that no content can end or split the literal. */
export function textArray(values: readonly (string | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    if (i > 0) out += ',';
    if (v === null) out += 'NULL';
    else out += `"${NEEDS_ESCAPE.test(v) ? v.replace(/["\\]/g, '\\$&') : v}"`;
  }
  return `${out}}`;
}

/** timestamptz elements from Dates or ISO 8601 instants with their offset (as the contracts carry them). */
export function instantArray(values: readonly (Date | string | null)[]): string {
  return textArray(values.map((v) => (v === null ? null : typeof v === 'string' ? v : v.toISOString())));
}
