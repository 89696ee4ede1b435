/** A CSV text as a header and rows of raw cell strings (RFC 4180: quoted cells may hold commas, quotes and newlines). */
export interface CsvTable {
  header: string[];
  rows: string[][];
}

/** Parses RFC 4180 CSV (comma-separated, optional CRLF, optional BOM). Throws RangeError naming the line of a problem. */
export function parseCsv(text: string): CsvTable {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endCell = (): void => {
    record.push(cell);
    cell = '';
  };
  const endRecord = (): void => {
    endCell();
    // A blank line (one empty cell) is no record.
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
  };
  for (; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (ch === '\n') line += 1;
        cell += ch;
      }
    } else if (ch === '"') {
      if (cell !== '') throw new RangeError(`line ${line}: a quote inside an unquoted cell`);
      quoted = true;
    } else if (ch === ',') endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
    } else cell += ch;
  }
  if (quoted) throw new RangeError(`line ${line}: a quoted cell is never closed`);
  if (cell !== '' || record.length > 0) endRecord();
  if (records.length === 0) throw new RangeError('the CSV is empty');
  const [header, ...rows] = records;
  for (const [index, row] of rows.entries()) {
    if (row.length !== header.length) throw new RangeError(`record ${index + 1} has ${row.length} cells, the header ${header.length}`);
  }
  return { header: header.map((h) => h.trim()), rows };
}
