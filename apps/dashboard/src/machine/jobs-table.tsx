import { TableWrap } from '../shared/table-wrap';
import { count, decimal, timeIn } from '../board/format';
import type { Job } from './machine-data';

/** Jobs of the period with their actual cycle time against the ideal. */
export function JobsTable({ jobs, timeZone }: { jobs: Job[]; timeZone: string }) {
  if (jobs.length === 0) return <p className="help">No jobs ran in this period.</p>;
  return (
    <TableWrap label="Jobs">
      <table className="data-table" data-testid="jobs">
        <caption className="visually-hidden">Jobs</caption>
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Part</th>
            <th scope="col">Start</th>
            <th scope="col">End</th>
            <th scope="col">State</th>
            <th scope="col" className="num">
              Parts
            </th>
            <th scope="col" className="num">
              Scrap
            </th>
            <th scope="col" className="num">
              Cycle (s)
            </th>
            <th scope="col" className="num">
              Ideal (s)
            </th>
            <th scope="col" className="num">
              vs ideal
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => {
            const slower = j.cycle_time !== null && j.ideal_cycle_time ? j.cycle_time / j.ideal_cycle_time - 1 : null;
            return (
              <tr key={j.job_id}>
                <td>{j.job_id}</td>
                <td>{j.part_number ?? '—'}</td>
                <td>{timeIn(j.start_time, timeZone, true)}</td>
                <td>{j.end_time ? timeIn(j.end_time, timeZone, true) : 'running'}</td>
                <td>{j.state}</td>
                <td className="num">{j.parts_produced === null ? '—' : count(j.parts_produced)}</td>
                <td className="num">{j.parts_scrapped === null ? '—' : count(j.parts_scrapped)}</td>
                <td className="num">{decimal(j.cycle_time)}</td>
                <td className="num">{decimal(j.ideal_cycle_time)}</td>
                <td className={`num ${slower !== null && slower > 0.05 ? 'worse' : ''}`}>
                  {slower === null ? '—' : `${slower > 0 ? '+' : ''}${decimal(slower * 100, 0)} %`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
