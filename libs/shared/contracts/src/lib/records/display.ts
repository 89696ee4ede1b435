/**
 * Values as they may be shown and stored for people to read (quarantine entries, rejection reports): JSON that
 * PostgreSQL's jsonb accepts and that stays small, whatever a hostile source row holds. A NUL character or an
 * unpaired surrogate is written out as its escape (`\u0000`), binary data as base64, a long text is cut with a note
 * of its full length, and deep or large JSON is shown as its beginning.
 */

const DEFAULT_MAX_CHARS = 2000;

/** A string with NULs and unpaired surrogates written as `\uXXXX` text, cut to `maxChars` UTF-16 units with a note. */
export function displayText(value: string, maxChars = DEFAULT_MAX_CHARS): string {
  let out = '';
  let clean = true;
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    const paired = c >= 0xd800 && c <= 0xdbff && i + 1 < value.length && value.charCodeAt(i + 1) >= 0xdc00 && value.charCodeAt(i + 1) <= 0xdfff;
    if (c === 0 || (c >= 0xd800 && c <= 0xdfff && !paired)) {
      if (clean) out = value.slice(0, i);
      clean = false;
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    } else if (paired) {
      if (!clean) out += value.slice(i, i + 2);
      i += 1;
    } else if (!clean) {
      out += value[i];
    }
    if (!clean && out.length > maxChars) break;
  }
  const text = clean ? value : out;
  if (text.length <= maxChars) return text;
  // Never cut a surrogate pair in two.
  let end = maxChars;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}… (${value.length} UTF-16 units in all)`;
}

/** One value of a source row or record as jsonb-safe, bounded JSON. */
export function displayValue(value: unknown, maxChars = DEFAULT_MAX_CHARS): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return displayText(value, maxChars);
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return displayText(`base64:${value.toString('base64')}`, maxChars);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value === 'object') return displayText(safeJson(value, maxChars), maxChars);
  return displayText(typeof value === 'symbol' ? value.toString() : 'unprintable value', maxChars);
}

/** A row (column → value) as jsonb-safe, bounded JSON; at most 100 columns. */
export function displayRow(row: Record<string, unknown>, maxChars = DEFAULT_MAX_CHARS): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let n = 0;
  for (const [key, value] of Object.entries(row)) {
    if ((n += 1) > 100) break;
    out[displayText(key, 200)] = displayValue(value, maxChars);
  }
  return out;
}

/** JSON text of an object, without overflowing the stack on deep nesting and without building megabytes of it. */
function safeJson(value: object, maxChars: number): string {
  try {
    const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    return text === undefined ? '(not serialisable to show)' : text.length > maxChars * 2 ? text.slice(0, maxChars * 2) : text;
  } catch {
    return '(JSON too deep or not serialisable to show)';
  }
}
