import { SHOPFLOOR_ENTITIES, type MappingProblem } from '@shopfloor/contracts';
import { COMPATIBLE_TYPES, ENTITY_SPECS } from './source-fields';
import type { SourceMapping } from './source-mapping';

export interface SourceColumn {
  table: string;
  column: string;
  /** information_schema DATA_TYPE, lower case (varchar, datetime, ...). */
  dataType: string;
}

/** Every table and column the mapping names that the source lacks or types incompatibly, each by name. */
export function checkMapping(mapping: SourceMapping, columns: SourceColumn[]): MappingProblem[] {
  const byTable = new Map<string, Map<string, string>>();
  for (const c of columns) {
    const table = byTable.get(c.table.toLowerCase()) ?? new Map<string, string>();
    table.set(c.column.toLowerCase(), c.dataType.toLowerCase());
    byTable.set(c.table.toLowerCase(), table);
  }
  const problems: MappingProblem[] = [];
  for (const entity of SHOPFLOOR_ENTITIES) {
    const { table, columns: mapped } = mapping.entities[entity];
    const found = byTable.get(table.toLowerCase());
    if (!found) {
      problems.push({ entity, table, column: null, problem: `table ${table} does not exist in the source database` });
      continue;
    }
    for (const [field, kind] of Object.entries(ENTITY_SPECS[entity].fields)) {
      const column = mapped[field];
      const type = found.get(column.toLowerCase());
      if (type === undefined) {
        problems.push({ entity, table, column, problem: `column ${table}.${column} (for ${field}) does not exist` });
      } else if (!COMPATIBLE_TYPES[kind].includes(type)) {
        problems.push({
          entity,
          table,
          column,
          problem: `column ${table}.${column} (for ${field}) is ${type}; expected one of ${COMPATIBLE_TYPES[kind].join(', ')}`,
        });
      }
    }
  }
  return problems;
}
