import { CsvError, parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A CSV text as a header and rows of raw cell strings (RFC 4180: quoted cells may hold commas, quotes and newlines). */
export interface CsvTable {
  header: string[];
  rows: string[][];
}

/** The most a table may hold; reading stops at the first record past one of them. */
export interface CsvLimits {
  rows: number;
  columns: number;
  cells: number;
}

/** A table past its limits, with what was read when reading stopped: lower bounds of its true size. */
export class CsvTooLargeError extends Error {
  constructor(
    readonly rowsAtLeast: number,
    readonly columns: number,
  ) {
    super(`the CSV has at least ${rowsAtLeast} rows and ${columns} columns`);
  }
}

const NO_LIMITS: CsvLimits = { rows: Infinity, columns: Infinity, cells: Infinity };
/**
 * Bytes handed to the parser at a time. An upload of 100 MB parses for seconds; between two chunks the service answers
 * NATS and its probes (measured on 50 MB: the longest stall 0.17–0.4 s, where the whole parse, 3.7–5.3 s, was one before).
 */
const CHUNK_BYTES = 64 * 1024;

/**
 * Parses RFC 4180 CSV (comma-separated; CRLF, LF or CR between records; optional BOM; blank lines skipped) from an
 * untrusted upload, streamed through csv-parse so that a large body neither blocks the event loop throughout nor is
 * copied into one string. Throws RangeError naming the line of a problem; a record whose cell count differs from the
 * header's is named by its number. Past `limits` it stops with CsvTooLargeError: 100 MB of two-byte records would
 * otherwise be 50 million rows to read and hold before refusing them.
 */
export async function parseCsv(body: Buffer, limits: CsvLimits = NO_LIMITS): Promise<CsvTable> {
  let header: string[] | undefined;
  const rows: string[][] = [];
  // Each record is taken as the parser reads it, so a problem or a limit is met at its own record, not after a chunk
  // read ahead; nothing goes through the stream's object queue.
  const take = (record: string[]): null => {
    // A blank line, or one holding only "", is no record (csv-parse gives the latter a cell).
    if (record.length === 1 && record[0] === '') return null;
    if (header === undefined) {
      header = record;
      if (header.length > limits.columns) throw new CsvTooLargeError(0, header.length);
      return null;
    }
    const count = rows.length + 1;
    if (record.length !== header.length) throw new RangeError(`record ${count} has ${record.length} cells, the header ${header.length}`);
    if (count > limits.rows || count * header.length > limits.cells) throw new CsvTooLargeError(count, header.length);
    rows.push(record);
    return null;
  };
  const parser = parse({ bom: true, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, on_record: take });
  try {
    await pipeline(Readable.from(chunks(body)), parser);
  } catch (error) {
    throw error instanceof CsvError ? new RangeError(describe(error)) : error;
  }
  if (header === undefined) throw new RangeError('the CSV is empty');
  return { header: header.map((h) => h.trim()), rows };
}

async function* chunks(body: Buffer): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < body.length; offset += CHUNK_BYTES) {
    if (offset > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    yield body.subarray(offset, offset + CHUNK_BYTES);
  }
}

/** The parser's problems in the words this API has always used for them. */
function describe(error: CsvError): string {
  const { lines } = error as { lines?: unknown };
  const at = typeof lines === 'number' ? `line ${lines}: ` : '';
  switch (error.code) {
    case 'INVALID_OPENING_QUOTE':
      return `${at}a quote inside an unquoted cell`;
    case 'CSV_QUOTE_NOT_CLOSED':
      return `${at}a quoted cell is never closed`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `${at}text after a closing quote`;
    default:
      return `${at}${error.message}`;
  }
}
