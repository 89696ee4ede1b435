import { TableWrap } from '../shared/table-wrap';
import type { components } from '@shopfloor/client';
import { reportCell, reportHeading, type ReportUnit } from './report-format';

/** The report document of the JSON format (the model every format renders). */
export interface ReportDocument {
  title: string;
  period: { from: string; to: string };
  timezone: string;
  generated_at: string;
  tables: { name: string; columns: { key: string; label: string; unit: ReportUnit }[]; rows: Record<string, string | number | null>[] }[];
}

export type ReportFormat = components['schemas']['ReportFileFormat'];

/** A report's tables as the PDF prints them, every column's values formatted by its unit. */
export function ReportView({ report }: { report: ReportDocument }) {
  const zone = report.timezone;
  return (
    <div className="report" data-testid="report">
      <h3>{report.title}</h3>
      <p className="help">
        {reportCell('datetime', report.period.from, zone)} to {reportCell('datetime', report.period.to, zone)} ({zone}); made {reportCell('datetime', report.generated_at, zone)}.
      </p>
      {report.tables.map((table) => (
        <TableWrap key={table.name} label={table.name}>
          <table className="data-table" data-testid={`report-table-${table.name}`}>
            <caption>{table.name}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c.key} scope="col" className={c.unit === 'text' || c.unit === 'datetime' ? '' : 'num'}>
                    {reportHeading(c.label, c.unit)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.length === 0 ? (
                <tr>
                  <td colSpan={table.columns.length}>No rows.</td>
                </tr>
              ) : (
                table.rows.map((row, i) => (
                  <tr key={i}>
                    {table.columns.map((c) => (
                      <td key={c.key} className={c.unit === 'text' || c.unit === 'datetime' ? '' : 'num'} data-column={c.key}>
                        {reportCell(c.unit, row[c.key], zone)}
                      </td>
                    ))}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </TableWrap>
      ))}
    </div>
  );
}
