import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CIMCO_TABLES, ddlStatements, loadCimcoDdl } from './cimco-schema';

/** shared/cimco-source.sql, the source layout the platform documents, beside the repository. */
function sharedDdlFile(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'cimco-source.sql');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`shared/cimco-source.sql not found above ${__dirname}`);
}

describe(ddlStatements.name, () => {
  it('ships exactly the statements of shared/cimco-source.sql', () => {
    expect(ddlStatements(loadCimcoDdl())).toEqual(ddlStatements(readFileSync(sharedDdlFile(), 'utf8')));
  });

  it('creates the five source tables', () => {
    const statements = ddlStatements(loadCimcoDdl());
    expect(statements).toHaveLength(CIMCO_TABLES.length);
    CIMCO_TABLES.forEach((table, i) => expect(statements[i]).toMatch(new RegExp(`^CREATE TABLE IF NOT EXISTS ${table} \\(`)));
  });

  it('drops comments and normalises whitespace', () => {
    expect(ddlStatements('-- a comment; with a semicolon\nCREATE TABLE t (\n  a INT -- note\n);\n\n')).toEqual(['CREATE TABLE t ( a INT )']);
  });
});
