import { DatasetSpec, DomainError, ErrorCode, textProblem, validatePayload, type FieldError } from '@shopfloor/contracts';
import type { DatasetColumn } from '@shopfloor/ml/data-access';
import { ignoredReason, judgeTextColumn } from '@shopfloor/ml/modelling';
import { CsvTooLargeError, parseCsv } from './csv-table';

/** Bounds that keep one upload within what the service can hold and train on. */
export const DATASET_LIMITS = { rows: 500_000, columns: 500, cells: 20_000_000 } as const;

export interface ParsedDataset {
  spec: DatasetSpec;
  rowCount: number;
  /**
   * Every column but the excluded and ignored ones: features (numbers, or text for a categorical feature), the label
   * (numbers), group (text) and order (numbers).
   */
  columns: DatasetColumn[];
  /** Text columns left out as no feature: identifiers and free text. */
  ignored: IgnoredColumn[];
}

export interface IgnoredColumn {
  name: string;
  reason: string;
}

type Cell = unknown;

const invalid = (message: string, fieldErrors: FieldError[]): DomainError => new DomainError(ErrorCode.ValidationFailed, message, null, fieldErrors);
/** Column names and group values are kept as text (a machine id, an engine number): bounded like identifiers. */
const MAX_COLUMN_NAME_CHARS = 200;
const MAX_GROUP_CHARS = 200;
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A JSON upload: `{ name, label, exclude?, group?, order?, rows: [{...}, ...] }`. */
export function parseJsonDataset(body: Buffer): ParsedDataset {
  let document: unknown;
  try {
    document = JSON.parse(body.toString('utf8'));
  } catch {
    throw invalid('The dataset is not valid JSON', [{ field: 'body', message: 'must be valid JSON', invalid_value: null }]);
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw invalid('The dataset must be a JSON object with name, label and rows', [{ field: 'body', message: 'must be a JSON object', invalid_value: null }]);
  }
  const { rows, ...specPart } = document as { rows?: unknown };
  const spec = validatePayload(DatasetSpec, specPart);
  if (!Array.isArray(rows) || rows.length === 0)
    throw invalid('rows must be a non-empty array of objects', [{ field: 'rows', message: 'must be a non-empty array of objects', invalid_value: null }]);
  checkSize(rows.length, 0);
  const header: string[] = [];
  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    if (row === null || typeof row !== 'object' || Array.isArray(row))
      throw invalid(`rows[${index}] is not an object`, [{ field: `rows[${index}]`, message: 'must be an object', invalid_value: null }]);
    for (const key of Object.keys(row as object)) {
      if (!seen.has(key)) {
        seen.add(key);
        header.push(key);
        if (header.length > DATASET_LIMITS.columns) checkSize(rows.length, header.length);
      }
    }
  }
  checkSize(rows.length, header.length);
  return build(spec, header, rows.length, (r, c) => (rows[r] as Record<string, Cell>)[header[c]], false);
}

/** A CSV upload: the header names the columns; the spec comes from the query string. */
export async function parseCsvDataset(body: Buffer, specPlain: unknown): Promise<ParsedDataset> {
  const spec = validatePayload(DatasetSpec, { ...(specPlain as object), exclude: splitList((specPlain as { exclude?: unknown } | null)?.exclude) });
  let table;
  try {
    table = await parseCsv(body, DATASET_LIMITS);
  } catch (error) {
    if (error instanceof CsvTooLargeError) throw tooLarge(error.rowsAtLeast, error.columns, 'at least ');
    if (!(error instanceof RangeError)) throw error;
    throw invalid(`The CSV cannot be read: ${error.message}`, [{ field: 'body', message: error.message, invalid_value: null }]);
  }
  const { header, rows } = table;
  if (rows.length === 0) throw invalid('The CSV has a header but no rows', [{ field: 'body', message: 'must have at least one row', invalid_value: null }]);
  const duplicates = header.filter((name, i) => header.indexOf(name) !== i);
  if (duplicates.length > 0)
    throw invalid(`Column names repeat: ${[...new Set(duplicates)].join(', ')}`, [
      { field: 'body', message: 'column names must be unique', invalid_value: duplicates },
    ]);
  checkSize(rows.length, header.length);
  return build(spec, header, rows.length, (r, c) => rows[r][c], true);
}

function splitList(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function checkSize(rows: number, columns: number): void {
  if (rows > DATASET_LIMITS.rows || columns > DATASET_LIMITS.columns || rows * columns > DATASET_LIMITS.cells) throw tooLarge(rows, columns, '');
}

/** `atLeast` when reading stopped at the limit, so the true row count is not known. */
function tooLarge(rows: number, columns: number, atLeast: '' | 'at least '): DomainError {
  return new DomainError(
    ErrorCode.PayloadTooLarge,
    `A dataset may have at most ${DATASET_LIMITS.rows.toLocaleString('en')} rows, ${DATASET_LIMITS.columns} columns and ${DATASET_LIMITS.cells.toLocaleString('en')} cells; this one has ${atLeast}${rows} rows and ${columns} columns`,
    { ...DATASET_LIMITS, rows_given: rows, columns_given: columns },
  );
}

const isMissing = (cell: Cell, fromCsv: boolean): boolean => cell === null || cell === undefined || (fromCsv && typeof cell === 'string' && cell.trim() === '');

/** The number a cell stands for, or null if it is no number (CSV numbers are text; true/false are no numbers). */
function numberOf(cell: Cell, fromCsv: boolean): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (fromCsv && typeof cell === 'string' && NUMERIC.test(cell.trim())) return Number(cell.trim());
  return null;
}

function build(spec: DatasetSpec, header: string[], rowCount: number, cell: (row: number, column: number) => Cell, fromCsv: boolean): ParsedDataset {
  const exclude = spec.exclude ?? [];
  const errors: FieldError[] = [];
  const known = new Set(header);
  if (!known.has(spec.label)) errors.push({ field: 'label', message: `the label column '${spec.label}' is not in the data`, invalid_value: spec.label });
  for (const name of exclude) if (!known.has(name)) errors.push({ field: 'exclude', message: `column '${name}' is not in the data`, invalid_value: name });
  if (spec.group !== undefined && !known.has(spec.group))
    errors.push({ field: 'group', message: `column '${spec.group}' is not in the data`, invalid_value: spec.group });
  if (spec.order !== undefined && !known.has(spec.order))
    errors.push({ field: 'order', message: `column '${spec.order}' is not in the data`, invalid_value: spec.order });
  if (spec.order !== undefined && spec.group === undefined)
    errors.push({ field: 'group', message: 'a time series needs its group column as well as its order column', invalid_value: null });
  if (exclude.includes(spec.label)) errors.push({ field: 'exclude', message: 'the label cannot be excluded', invalid_value: spec.label });
  for (const name of header) {
    const problem = textProblem(name, { maxChars: MAX_COLUMN_NAME_CHARS });
    if (problem) errors.push({ field: 'columns', message: `a column name ${problem}`, invalid_value: name });
  }
  if (errors.length > 0) throw invalid(errors.map((e) => e.message).join('; '), errors);

  const columns: DatasetColumn[] = [];
  const ignored: IgnoredColumn[] = [];
  for (const [c, name] of header.entries()) {
    if (exclude.includes(name)) continue;
    if (name === spec.group) {
      const values: (string | null)[] = [];
      for (let r = 0; r < rowCount; r += 1) {
        const v = cell(r, c);
        const text = typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;
        const problem = isMissing(v, fromCsv)
          ? 'may not be empty'
          : text === null
            ? 'must be text or a number'
            : textProblem(text, { maxChars: MAX_GROUP_CHARS });
        if (problem) errors.push({ field: `rows[${r}].${name}`, message: `the group column ${problem}`, invalid_value: v ?? null });
        values.push(problem ? null : text);
      }
      columns.push({ name, kind: 'text', values });
      continue;
    }
    const role = name === spec.label ? 'label' : name === spec.order ? 'order' : 'feature';
    const column =
      role === 'feature'
        ? featureColumn(name, rowCount, (r) => cell(r, c), fromCsv, errors)
        : numberColumn(name, role, rowCount, (r) => cell(r, c), fromCsv, spec, errors);
    if ('ignored' in column) ignored.push(column.ignored);
    else columns.push(column);
  }
  if (!columns.some((col) => col.name !== spec.label && col.name !== spec.group && col.name !== spec.order)) {
    errors.push({ field: 'exclude', message: 'no feature column is left besides the label, group and order', invalid_value: exclude });
  }
  if (errors.length === 0 && spec.group !== undefined && spec.order !== undefined) checkSeries(columns, spec.group, spec.order, errors);
  if (errors.length > 0)
    throw invalid(
      `The dataset cannot be used: ${errors
        .slice(0, 3)
        .map((e) => e.message)
        .join('; ')}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ''}`,
      errors.slice(0, 100),
    );
  return { spec, rowCount, columns, ignored };
}

/** A label or order column: every cell a number (an order may also be ISO 8601 time), none empty. */
function numberColumn(
  name: string,
  role: 'label' | 'order',
  rowCount: number,
  cell: (row: number) => Cell,
  fromCsv: boolean,
  spec: DatasetSpec,
  errors: FieldError[],
): DatasetColumn {
  const values = new Float64Array(rowCount);
  let firstBad: { row: number; value: Cell } | null = null;
  let missing = 0;
  for (let r = 0; r < rowCount; r += 1) {
    const v = cell(r);
    if (isMissing(v, fromCsv)) {
      values[r] = Number.NaN;
      missing += 1;
      continue;
    }
    let n = numberOf(v, fromCsv);
    // The order may be a time: ISO 8601 text counts as epoch milliseconds.
    if (n === null && name === spec.order && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) n = Date.parse(v);
    if (n === null || Number.isNaN(n)) {
      firstBad ??= { row: r, value: v };
      values[r] = Number.NaN;
    } else values[r] = n;
  }
  if (firstBad) {
    errors.push({
      field: `columns.${name}`,
      message: `the ${role} column '${name}' is not numeric (row ${firstBad.row + 1}: ${JSON.stringify(firstBad.value)}); encode it as numbers`,
      invalid_value: firstBad.value,
    });
  } else if (missing > 0) {
    errors.push({
      field: `columns.${name}`,
      message:
        missing === rowCount ? `the column '${name}' has no value in any row` : `the ${role} column '${name}' has ${missing} empty cells; every row needs one`,
      invalid_value: null,
    });
  }
  return { name, kind: 'number', values };
}

/**
 * A feature column: numbers (empty cells missing), or text — a categorical feature, unless it has so many distinct
 * values that it is an identifier or free text, which is left out and reported (`ignored`). A column of numbers
 * with a few text cells is refused rather than guessed at: it is more likely a typo than a category.
 */
function featureColumn(
  name: string,
  rowCount: number,
  cell: (row: number) => Cell,
  fromCsv: boolean,
  errors: FieldError[],
): DatasetColumn | { ignored: IgnoredColumn } {
  const numbers = new Float64Array(rowCount);
  const texts: (string | null)[] = new Array<string | null>(rowCount).fill(null);
  let missing = 0;
  let numeric = 0;
  let firstText: { row: number; value: Cell } | null = null;
  let textCount = 0;
  for (let r = 0; r < rowCount; r += 1) {
    const v = cell(r);
    if (isMissing(v, fromCsv)) {
      numbers[r] = Number.NaN;
      missing += 1;
      continue;
    }
    const n = numberOf(v, fromCsv);
    if (n !== null) {
      numbers[r] = n;
      numeric += 1;
      texts[r] = typeof v === 'string' ? v.trim() : String(n);
      continue;
    }
    numbers[r] = Number.NaN;
    if (typeof v === 'string') {
      texts[r] = fromCsv ? v.trim() : v;
      firstText ??= { row: r, value: v };
      textCount += 1;
      continue;
    }
    // true/false are neither: 1/0 make a number column, "yes"/"no" a categorical one — the sender says which.
    if (typeof v === 'boolean') {
      errors.push({
        field: `columns.${name}`,
        message: `the feature column '${name}' holds ${String(v)} (row ${r + 1}); send numbers (1/0) or text ("yes"/"no"), or add the column to exclude`,
        invalid_value: v,
      });
    } else {
      errors.push({
        field: `rows[${r}].${name}`,
        message: `the feature column '${name}' holds ${Array.isArray(v) ? 'an array' : typeof v}; a cell must be a number, text or null`,
        invalid_value: null,
      });
    }
    return { name, kind: 'number', values: numbers };
  }
  if (missing === rowCount) {
    errors.push({ field: `columns.${name}`, message: `the column '${name}' has no value in any row; add it to exclude`, invalid_value: null });
    return { name, kind: 'number', values: numbers };
  }
  if (!firstText) return { name, kind: 'number', values: numbers };
  if (numeric >= textCount) {
    errors.push({
      field: `columns.${name}`,
      message: `the feature column '${name}' is mostly numbers but row ${firstText.row + 1} holds ${JSON.stringify(firstText.value)}; correct it, leave the cell empty, or add the column to exclude`,
      invalid_value: firstText.value,
    });
    return { name, kind: 'number', values: numbers };
  }
  const verdict = judgeTextColumn(texts);
  if (verdict.use === 'ignored') return { ignored: { name, reason: ignoredReason(verdict) } };
  // Levels end up in feature names and stored predictions: text a database can hold.
  for (const [r, text] of texts.entries()) {
    const problem = text === null ? null : textProblem(text, {});
    if (problem) {
      errors.push({ field: `rows[${r}].${name}`, message: `a value of the categorical column '${name}' ${problem}`, invalid_value: null });
      break;
    }
  }
  return { name, kind: 'text', values: texts };
}

/** A time series needs one row per (group, order): a repeated pair would make "the history so far" ambiguous. */
function checkSeries(columns: DatasetColumn[], group: string, order: string, errors: FieldError[]): void {
  const groups = columns.find((c) => c.name === group);
  const orders = columns.find((c) => c.name === order);
  if (!groups || !orders || orders.kind !== 'number') return;
  const seen = new Set<string>();
  for (let r = 0; r < orders.values.length; r += 1) {
    const key = `${String(groups.values[r])}\u0000${orders.values[r]}`;
    if (seen.has(key)) {
      errors.push({ field: `rows[${r}]`, message: `group ${String(groups.values[r])} has two rows with ${order} = ${orders.values[r]}`, invalid_value: null });
      return;
    }
    seen.add(key);
  }
}
