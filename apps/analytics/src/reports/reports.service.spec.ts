import { ErrorCode, type CustomReportRequest, type ReportFile } from '@shopfloor/contracts';
import { AFTER_WORKED_DAY, analyticsFakes, seedWorkedExample, WORKED_DAY, type AnalyticsFakes } from '../../test/fakes.spec-helper';
import type { ReportDocument } from './render';
import { ReportsService } from './reports.service';

/** The JSON report as the document it holds. */
function documentOf(file: ReportFile): ReportDocument {
  return JSON.parse(Buffer.from(file.body_base64, 'base64').toString('utf8')) as ReportDocument;
}

describe(ReportsService.name, () => {
  let fakes: AnalyticsFakes;
  let service: ReportsService;
  const rowOf = (doc: ReportDocument, machineId: string) => doc.tables[0].rows.find((r) => r['machine_id'] === machineId);
  const custom = (request: Partial<CustomReportRequest>) => service.custom({ metrics: ['overall_oee', 'total'], ...WORKED_DAY, ...request }, AFTER_WORKED_DAY);

  beforeEach(() => {
    fakes = analyticsFakes();
    seedWorkedExample(fakes);
    service = new ReportsService(fakes.loader, fakes.as.machines, fakes.calendars);
  });

  describe('daily', () => {
    it('reports the UTC day without a default calendar, with the same numbers as the OEE answers', async () => {
      const file = await service.daily({ date: '2026-11-02' }, AFTER_WORKED_DAY);
      expect(file).toMatchObject({ file_name: 'oee-daily-report-2026-11-02.json', content_type: expect.stringContaining('application/json') });
      const doc = documentOf(file);

      expect(doc).toMatchObject({ title: 'OEE daily report 2026-11-02', timezone: 'UTC', period: { from: '2026-11-02T00:00:00.000Z', to: '2026-11-03T00:00:00.000Z' } });
      expect(doc.tables.map((t) => t.name)).toEqual(['Machines', 'Downtime Pareto', 'Totals']);
      // M-1's shift (05:00–13:00 UTC) lies inside the UTC day: the worked example's OEE.
      expect(rowOf(doc, 'M-1')).toMatchObject({ name: 'DMG Mori NLX 2500', type: 'LATHE', location: 'Hall 2', total: 19_271, scrap: 423, failures: 1 });
      expect(rowOf(doc, 'M-1')?.['overall_oee']).toBeCloseTo(0.747937, 6);
      // M-2's job runs 23:00–23:00 UTC, so 23 of its 24 hours, and as many 24ths of its 2,000 parts, fall in the UTC day.
      expect(rowOf(doc, 'M-2')?.['total']).toBeCloseTo((2_000 * 23) / 24, 9);
      expect(doc.tables[2].rows[0]['total']).toBeCloseTo(19_271 + (2_000 * 23) / 24, 9);
      expect(doc.tables[1].rows.map((r) => r['reason_code'])).toEqual(['COOLANT', 'SPINDLE', 'JAM']);
      expect(doc.charts.oee_by_machine.map((p) => p.label)).toEqual(['M-1', 'M-2']);
    });

    it("takes the day, by default yesterday, in the default calendar's zone", async () => {
      fakes.calendarRows.put('default', 'Europe/Berlin', [{ name: 'day', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '06:00', end: '14:00' }]);
      const doc = documentOf(await service.daily({}, new Date('2026-11-03T10:00:00Z')));

      expect(doc).toMatchObject({ title: 'OEE daily report 2026-11-02', timezone: 'Europe/Berlin', period: { from: '2026-11-02T00:00:00.000+01:00', to: '2026-11-03T00:00:00.000+01:00' } });
      // M-1 keeps its own calendar; M-2 now works the default's 05:00–13:00 UTC: 8 h planned, 2 h of it broken down
      // (availability 0.75). Its job lies wholly in the Berlin day, and parts go by the job's time in the period,
      // not clipped to shifts: all 2,000.
      expect(rowOf(doc, 'M-1')?.['overall_oee']).toBeCloseTo(0.747937, 6);
      expect(rowOf(doc, 'M-2')).toMatchObject({ availability: 0.75, total: 2_000, planned_production_time: 8 * 3600 });
    });

    it('refuses a date that is no calendar day', async () => {
      await expect(service.daily({ date: '2026-02-30' }, AFTER_WORKED_DAY)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed, fieldErrors: [{ field: 'date' }] });
    });

    it('renders the same report as CSV', async () => {
      const file = await service.daily({ date: '2026-11-02', format: 'csv' }, AFTER_WORKED_DAY);
      expect(file).toMatchObject({ file_name: 'oee-daily-report-2026-11-02.csv', content_type: 'text/csv; charset=utf-8' });
      expect(Buffer.from(file.body_base64, 'base64').toString('utf8')).toContain('DMG Mori NLX 2500');
    });
  });

  describe('custom', () => {
    it('groups the chosen metrics of the chosen machines by day on their calendar', async () => {
      const doc = documentOf(await custom({ machine_ids: ['M-1'], to: '2026-11-04T00:00:00+01:00', group_by: 'day', title: 'Lathe week' }));

      expect(doc).toMatchObject({ title: 'Lathe week', timezone: 'Europe/Berlin' });
      expect(doc.tables[0].name).toBe('By day');
      // Tuesday's shift was planned but made nothing: no parts, so no performance and no OEE.
      expect(doc.tables[0].rows.map((r) => [r['day'], r['total'], r['overall_oee'] === null ? null : Number((r['overall_oee'] as number).toFixed(6))])).toEqual([
        ['2026-11-02', 19_271, 0.747937],
        ['2026-11-03', 0, null],
      ]);
    });

    it('rows every machine by default, with the metrics asked for', async () => {
      const doc = documentOf(await custom({ metrics: ['availability', 'failures'] }));
      expect(doc.tables[0].columns.map((c) => c.key)).toEqual(['machine_id', 'name', 'type', 'location', 'availability', 'failures']);
      expect(doc.tables[0].rows.map((r) => [r['machine_id'], r['availability'], r['failures']])).toEqual([
        ['M-1', 373 / 420, 1],
        ['M-2', 11 / 12, 1],
      ]);
      // Totals over both: 101,580 s run of 111,600 s planned.
      expect(doc.tables[2].rows).toEqual([{ availability: 101_580 / 111_600, failures: 2 }]);
    });

    it('refuses unknown machines, naming them', async () => {
      await expect(custom({ machine_ids: ['M-1', 'NO-SUCH-MACHINE'] })).rejects.toMatchObject({ code: ErrorCode.MachineNotFound, details: { machine_ids: ['NO-SUCH-MACHINE'] } });
    });

    it('refuses groups it cannot make and an invalid period', async () => {
      // Shifts need a calendar; M-2 has none.
      await expect(custom({ machine_ids: ['M-2'], group_by: 'shift' })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed, fieldErrors: [{ field: 'group_by' }] });
      // 50 days of hours are 1,200 rows, over the 1,000 a report may hold.
      await expect(custom({ from: '2026-10-01T00:00:00Z', to: '2026-11-20T00:00:00Z', group_by: 'hour' })).rejects.toMatchObject({
        fieldErrors: [{ field: 'group_by', message: 'more than 1000 rows; choose a coarser group_by or a shorter period', invalid_value: 'hour' }],
      });
      await expect(custom({ from: WORKED_DAY.to, to: WORKED_DAY.from })).rejects.toMatchObject({ fieldErrors: [{ field: 'from' }] });
    });
  });
});
