/**
 * A strict RFC 4180 reader for checking the CSV renderer: records end in CRLF, a quoted field may hold commas, CR, LF
 * and doubled quotes, and anything else (a bare LF between records, a quote inside an unquoted field, text after a
 * closing quote) throws, so a sloppy file fails the test instead of parsing "close enough".
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`quote inside an unquoted field at ${i}`);
        value += text[i++];
      }
    }
    record.push(value);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
      continue;
    }
    throw new Error(i >= text.length ? 'last record does not end in CRLF' : `unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  return records;
}
