import { QueryFailedError } from 'typeorm';

/**
 * What of an error may be written to a log. TypeORM's QueryFailedError carries the query's `parameters` (for the
 * api_keys table: key hashes) and the driver's `detail`, which quotes the offending row ("Key (key_hash)=(…) already
 * exists"); only its message, SQLSTATE and the names of the table, column and constraint are kept. Any other value is
 * returned as it is.
 */
export function loggableError(error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const driver = error.driverError as Partial<Record<'code' | 'schema' | 'table' | 'column' | 'constraint', unknown>> | undefined;
  const named = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  return {
    type: error.name,
    message: error.message,
    code: named(driver?.code),
    schema: named(driver?.schema),
    table: named(driver?.table),
    column: named(driver?.column),
    constraint: named(driver?.constraint),
    stack: error.stack,
  };
}
