/** Excel's limit; longer names make Excel "repair" the file. */
const MAX_LENGTH = 31;
/** Characters Excel refuses in a sheet name (and control characters, which it cannot show). */
const FORBIDDEN = /[[\]:*?/\\\u0000-\u001f\u007f]/g;
/** Excel reserves "History" for its change tracking. */
const RESERVED = new Set(['history']);

/**
 * Hands out worksheet names that Excel accepts: forbidden characters replaced by "-", no leading or trailing
 * apostrophe, at most 31 characters, and unique without regard to case (Excel compares names case-insensitively) by
 * a " (2)", " (3)", … suffix.
 */
export class XlsxSheetNames {
  private readonly taken = new Set<string>();

  claim(wanted: string): string {
    const base = clean(wanted);
    let name = clip(base, MAX_LENGTH);
    for (let n = 2; this.taken.has(name.toLowerCase()) || RESERVED.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = clip(base, MAX_LENGTH - suffix.length) + suffix;
    }
    this.taken.add(name.toLowerCase());
    return name;
  }
}

function clean(wanted: string): string {
  const name = trimApostrophes(wanted.replace(FORBIDDEN, '-').replace(/\s+/g, ' '));
  return name === '' ? 'Table' : name;
}

function clip(name: string, length: number): string {
  let cut = name.slice(0, length);
  // Never leave half of a surrogate pair behind.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const trimmed = trimApostrophes(cut);
  return trimmed === '' ? 'Table' : trimmed;
}

function trimApostrophes(name: string): string {
  return name.trim().replace(/^'+|'+$/g, '').trim();
}
