import { randomUUID } from 'node:crypto';
import { JSONCodec, connect, type NatsConnection } from 'nats';
import { Client } from 'pg';
import ExcelJS from 'exceljs';
import request from 'supertest';
import {
  SUBJECTS,
  type CalendarView,
  type DowntimePatternsView,
  type DowntimeRecordsUpserted,
  type EfficiencyView,
  type JobsUpserted,
  type MachinesUpserted,
  type OeeMetricsView,
} from '@shopfloor/contracts';
import { waitFor } from '@shopfloor/testing';
import { ADMIN_KEY, Stack } from './stack';

/**
 * OEE through the gateway, on the worked example of oee.com: a 480 min shift with 60 min of breaks, a 47 min
 * breakdown, ideal cycle 1 s, 19,271 parts of which 423 rejects → availability 0.888095, performance 0.861081,
 * quality 0.978050, OEE 0.747937. The shift is 06:00–14:00 Berlin time on Monday 2026-11-02 (05:00–13:00 UTC).
 */
/** Collects a response body as bytes, whatever its content type. */
function binary(res: request.Response, done: (error: Error | null, body: unknown) => void): void {
  // At parse time the response is still the raw HTTP stream.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
  stream.on('error', (error: Error) => done(error, Buffer.alloc(0)));
}

describe('OEE and shift calendars through the gateway', () => {
  const stack = new Stack();
  const machineId = `E2E-OEE-${randomUUID().slice(0, 8)}`;
  const syncId = `e2e-oee-${randomUUID()}`;
  let nats: NatsConnection;
  let viewerKey: string;
  const day = { from: '2026-11-02T00:00:00+01:00', to: '2026-11-03T00:00:00+01:00' };

  const api = (path: string, key = viewerKey) => request(stack.gatewayUrl).get(path).set('X-API-Key', key);
  const oee = (query: Record<string, string>) => api(`/api/v1/analytics/oee?${new URLSearchParams(query).toString()}`);

  beforeAll(async () => {
    await stack.start();
    nats = await connect({ servers: stack.natsUrl });
    const res = await request(stack.gatewayUrl).post('/api/v1/auth/api-keys').set('X-API-Key', ADMIN_KEY).send({ name: 'e2e viewer', role: 'viewer' });
    viewerKey = (res.body as { key: string }).key;

    const machines: MachinesUpserted = {
      sync_id: syncId,
      records: [
        {
          machine_id: machineId,
          name: 'DMG Mori NLX 2500',
          type: 'LATHE',
          location: 'Hall 2',
          installation_date: null,
          specifications: null,
          source_updated_at: '2026-11-01T00:00:00.000Z',
        },
      ],
    };
    const jobs: JobsUpserted = {
      sync_id: syncId,
      records: [
        {
          job_id: `${machineId}-J1`,
          machine_id: machineId,
          part_number: 'P-1',
          start_time: '2026-11-02T05:00:00.000Z',
          end_time: '2026-11-02T13:00:00.000Z',
          state: 'COMPLETED',
          operator_id: null,
          setup_time: null,
          cycle_time: null,
          ideal_cycle_time: 1,
          parts_produced: 19_271,
          parts_scrapped: 423,
          source_updated_at: '2026-11-02T13:00:00.000Z',
        },
      ],
    };
    const stop = (n: number, type: string, start: string, minutes: number) => ({
      record_id: `${machineId}-D${n}`,
      job_id: `${machineId}-J1`,
      machine_id: machineId,
      downtime_type: type,
      start_time: start,
      duration: minutes * 60,
      reason_code: type === 'BREAKDOWN' ? 'SPINDLE' : null,
      description: null,
      source_updated_at: '2026-11-02T13:00:00.000Z',
    });
    const downtime: DowntimeRecordsUpserted = {
      sync_id: syncId,
      records: [
        stop(1, 'BREAK', '2026-11-02T07:00:00.000Z', 30),
        stop(2, 'BREAK', '2026-11-02T10:00:00.000Z', 30),
        stop(3, 'BREAKDOWN', '2026-11-02T08:00:00.000Z', 47),
      ],
    };
    const js = nats.jetstream();
    await js.publish(SUBJECTS.shopfloor.machinesUpserted, JSONCodec().encode(machines), { msgID: `${syncId}-m` });
    await js.publish(SUBJECTS.shopfloor.jobsUpserted, JSONCodec().encode(jobs), { msgID: `${syncId}-j` });
    await js.publish(SUBJECTS.shopfloor.downtimeRecordsUpserted, JSONCodec().encode(downtime), { msgID: `${syncId}-d` });
    await waitFor('the stops to be in the read model', async () => {
      const r = await api(`/api/v1/machines/${machineId}/downtime`);
      return r.status === 200 && (r.body as { items: unknown[] }).items.length === 3;
    });
  }, 120_000);

  afterAll(async () => {
    await nats?.close();
    stack.kill();
    await stack.database?.drop();
  });

  it('plans a machine without a calendar around the clock and says so', async () => {
    const calendar = await api(`/api/v1/calendars/${machineId}`);
    expect(calendar.status).toBe(200);
    expect(calendar.body).toEqual({ calendar_id: machineId, calendar: 'default_24x7', timezone: null, shifts: [], updated_at: null });
    const res = await oee({ machine_id: machineId, ...day });
    expect(res.status).toBe(200);
    const body = res.body as OeeMetricsView;
    expect(body.calendar).toBe('default_24x7');
    expect(body.time_model.planned_production_time).toBe(24 * 3600 - 3600);
  });

  it('takes a calendar only from an admin, and refuses an invalid one naming each bad field', async () => {
    const shifts = [{ name: 'early', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '06:00', end: '14:00' }];
    const asViewer = await request(stack.gatewayUrl)
      .put(`/api/v1/calendars/${machineId}`)
      .set('X-API-Key', viewerKey)
      .send({ timezone: 'Europe/Berlin', shifts });
    expect(asViewer.status).toBe(403);
    const badZone = await request(stack.gatewayUrl)
      .put(`/api/v1/calendars/${machineId}`)
      .set('X-API-Key', ADMIN_KEY)
      .send({ timezone: 'Europe/Atlantis', shifts });
    expect(badZone.status).toBe(400);
    expect((badZone.body as { field_errors: { field: string }[] }).field_errors.map((f) => f.field)).toContain('timezone');
    const badTime = await request(stack.gatewayUrl)
      .put(`/api/v1/calendars/${machineId}`)
      .set('X-API-Key', ADMIN_KEY)
      .send({ timezone: 'Europe/Berlin', shifts: [{ name: 'early', days: ['mon'], start: '25:00', end: '14:00' }] });
    expect(badTime.status).toBe(400);
    expect(JSON.stringify((badTime.body as { field_errors: unknown[] }).field_errors)).toContain('start');
    const unknown = await request(stack.gatewayUrl)
      .put('/api/v1/calendars/NO-SUCH-MACHINE')
      .set('X-API-Key', ADMIN_KEY)
      .send({ timezone: 'Europe/Berlin', shifts });
    expect(unknown.status).toBe(404);
    expect((unknown.body as { error_code: string }).error_code).toBe('MACHINE_NOT_FOUND');
  });

  it("computes the oee.com worked example exactly with the machine's shift calendar", async () => {
    const put = await request(stack.gatewayUrl)
      .put(`/api/v1/calendars/${machineId}`)
      .set('X-API-Key', ADMIN_KEY)
      .send({ timezone: 'Europe/Berlin', shifts: [{ name: 'early', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '06:00', end: '14:00' }] });
    expect(put.status).toBe(200);
    expect((put.body as CalendarView).calendar).toBe('machine');

    const res = await oee({ machine_id: machineId, ...day, granularity: 'shift' });
    expect(res.status).toBe(200);
    const body = res.body as OeeMetricsView;
    expect(body.calendar).toBe('machine');
    expect(body.availability).toBeCloseTo(0.888095, 6);
    expect(body.performance).toBeCloseTo(0.861081, 6);
    expect(body.quality).toBeCloseTo(0.97805, 6);
    expect(body.overall_oee).toBeCloseTo(0.747937, 6);
    expect(body.benchmark_comparison).toBeCloseTo((body.overall_oee as number) / 0.85, 12);
    expect(body.time_model).toEqual({
      planned_production_time: 420 * 60,
      run_time: 373 * 60,
      planned_stop_time: 0,
      unplanned_stop_time: 47 * 60,
      small_stop_time: 0,
    });
    expect(body.counts).toEqual({ total: 19_271, good: 18_848, scrap: 423 });
    expect(body.series).toHaveLength(1);
    expect(body.series[0]).toMatchObject({ period: { from: '2026-11-02T05:00:00.000Z', to: '2026-11-02T13:00:00.000Z' }, overall_oee: body.overall_oee });
  });

  it('shows where the time went: Pareto, heat map in the calendar zone, MTBF and MTTR agreeing with OEE', async () => {
    const res = await api(`/api/v1/analytics/downtime-patterns?${new URLSearchParams({ machine_id: machineId, ...day }).toString()}`);
    expect(res.status).toBe(200);
    const body = res.body as DowntimePatternsView;
    // The breaks are not a loss; the breakdown is the whole Pareto.
    expect(body.pareto).toEqual([{ reason_code: 'SPINDLE', category: 'unplanned_stop', duration: 47 * 60, count: 1, share: 1, cumulative_share: 1 }]);
    expect(body.lost_time).toBe(47 * 60);
    expect(body.timezone).toBe('Europe/Berlin');
    expect(body.heatmap).toHaveLength(168);
    // 08:00 UTC is 09:00 in Berlin on Monday.
    expect(body.heatmap.filter((c) => c.duration > 0)).toEqual([{ weekday: 'mon', hour: 9, duration: 47 * 60, count: 1 }]);
    expect(body.failures).toBe(1);
    expect(body.mttr).toBe(47 * 60);
    expect(body.mtbf).toBe(373 * 60);
    expect(body.top_losers.map((l) => l.machine_id)).toEqual([machineId]);
  });

  it('reports efficiency per selected machine with totals, and refuses a malformed selection', async () => {
    const res = await api(`/api/v1/analytics/efficiency?${new URLSearchParams({ machine_ids: `${machineId},NO-SUCH-MACHINE`, ...day }).toString()}`);
    expect(res.status).toBe(200);
    const body = res.body as EfficiencyView;
    expect(body.machines.map((m) => [m.machine_id, m.name, m.type, m.calendar])).toEqual([[machineId, 'DMG Mori NLX 2500', 'LATHE', 'machine']]);
    expect(body.machines[0].overall_oee).toBeCloseTo(0.747937, 6);
    expect(body.totals.overall_oee).toBeCloseTo(0.747937, 6);
    const byType = (await api(`/api/v1/analytics/efficiency?${new URLSearchParams({ machine_type: 'LATHE', location: 'Hall 2', ...day }).toString()}`))
      .body as EfficiencyView;
    expect(byType.machines.map((m) => m.machine_id)).toContain(machineId);
    const malformed = await api(`/api/v1/analytics/efficiency?machine_ids=${encodeURIComponent(' ,,')}`);
    expect(malformed.status).toBe(400);
    expect((malformed.body as { field_errors: { field: string }[] }).field_errors.map((f) => f.field)).toEqual(['machine_ids']);
  });

  it('serves the daily report as JSON, CSV, XLSX and PDF with the same numbers, as files', async () => {
    const daily = (format: string) =>
      request(stack.gatewayUrl).get(`/api/v1/reports/daily?date=2026-11-02&format=${format}`).set('X-API-Key', viewerKey).buffer(true).parse(binary);
    const json = await daily('json');
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toContain('application/json');
    expect(json.headers['content-disposition']).toBe('attachment; filename="oee-daily-report-2026-11-02.json"');
    const doc = JSON.parse((json.body as Buffer).toString('utf8')) as { tables: { name: string; rows: Record<string, unknown>[] }[]; period: { from: string } };
    const row = doc.tables[0].rows.find((r) => r['machine_id'] === machineId);
    // The default calendar is 24/7 (only the machine has its own calendar): the machine's shift still applies to it.
    expect(row?.['overall_oee']).toBeCloseTo(0.747937, 6);
    expect(doc.tables.map((t) => t.name)).toEqual(['Machines', 'Downtime Pareto', 'Totals']);

    const csv = await daily('csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const csvText = (csv.body as Buffer).toString('utf8');
    expect(csvText).toContain(machineId);
    expect(csvText).toContain(String(row?.['overall_oee']));

    const xlsx = await daily('xlsx');
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.body as Buffer).buffer);
    const values = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flat());
    expect(values).toContain(machineId);
    expect(values).toContain(row?.['overall_oee']);

    const pdf = await daily('pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="[a-z0-9-]+\.pdf"$/);
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('builds a custom report of chosen metrics by day, and refuses unknown metrics and machines', async () => {
    const res = await request(stack.gatewayUrl)
      .post('/api/v1/reports/custom')
      .set('X-API-Key', viewerKey)
      .send({
        metrics: ['overall_oee', 'total', 'scrap'],
        machine_ids: [machineId],
        from: day.from,
        to: '2026-11-04T00:00:00+01:00',
        group_by: 'day',
        format: 'json',
      });
    expect(res.status).toBe(200);
    const doc = JSON.parse(Buffer.isBuffer(res.body) ? res.body.toString('utf8') : JSON.stringify(res.body)) as {
      tables: { rows: Record<string, unknown>[] }[];
    };
    expect(doc.tables[0].rows.map((r) => [r['day'], r['total']])).toEqual([
      ['2026-11-02', 19_271],
      ['2026-11-03', 0],
    ]);
    const badMetric = await request(stack.gatewayUrl)
      .post('/api/v1/reports/custom')
      .set('X-API-Key', viewerKey)
      .send({ metrics: ['happiness'], from: day.from, to: day.to });
    expect(badMetric.status).toBe(400);
    expect((badMetric.body as { field_errors: { field: string }[] }).field_errors.map((f) => f.field)).toContain('metrics');
    const unknown = await request(stack.gatewayUrl)
      .post('/api/v1/reports/custom')
      .set('X-API-Key', viewerKey)
      .send({ metrics: ['overall_oee'], machine_ids: ['NO-SUCH-MACHINE'], from: day.from, to: day.to });
    expect(unknown.status).toBe(404);
  });

  it('splits the day into hour buckets in the calendar zone that add up to the whole', async () => {
    const res = await oee({ machine_id: machineId, ...day, granularity: 'hour' });
    expect(res.status).toBe(200);
    const body = res.body as OeeMetricsView;
    expect(body.timezone).toBe('Europe/Berlin');
    expect(body.series).toHaveLength(24);
    expect(body.series[0].period.from).toBe('2026-11-01T23:00:00.000Z');
    const sum = (pick: (b: OeeMetricsView['series'][number]) => number) => body.series.reduce((acc, b) => acc + pick(b), 0);
    expect(sum((b) => b.time_model.planned_production_time)).toBeCloseTo(body.time_model.planned_production_time, 6);
    expect(sum((b) => b.time_model.run_time)).toBeCloseTo(body.time_model.run_time, 6);
    expect(sum((b) => b.counts.total)).toBeCloseTo(body.counts.total, 6);
    // The breakdown starts 08:00 UTC = 09:00 Berlin: the 09:00 bucket holds its 47 min and 13 min of running.
    const nine = body.series.find((b) => b.period.from === '2026-11-02T08:00:00.000Z');
    expect(nine?.time_model.unplanned_stop_time).toBe(47 * 60);
    expect(nine?.availability).toBeCloseTo(13 / 60, 6);
  });

  it('serves a cached answer until a sync changes data of that machine and period', async () => {
    const first = (await oee({ machine_id: machineId, ...day })).body as OeeMetricsView;
    expect(first.counts.scrap).toBe(423);
    // Changed behind the service's back: only a cached answer can still say 423.
    const db = new Client({ connectionString: stack.database?.serviceUrl('analytics') });
    await db.connect();
    try {
      await db.query('UPDATE analytics.jobs SET parts_scrapped = 0 WHERE job_id = $1', [`${machineId}-J1`]);
    } finally {
      await db.end();
    }
    expect(((await oee({ machine_id: machineId, ...day })).body as OeeMetricsView).counts.scrap).toBe(423);

    // New data of the same machine on another day leaves this day's answer alone.
    const js = nats.jetstream();
    const otherDay: DowntimeRecordsUpserted = {
      sync_id: syncId,
      records: [
        {
          record_id: `${machineId}-D9`,
          job_id: null,
          machine_id: machineId,
          downtime_type: 'BREAKDOWN',
          start_time: '2026-11-05T09:00:00.000Z',
          duration: 600,
          reason_code: null,
          description: null,
          source_updated_at: '2026-11-05T10:00:00.000Z',
        },
      ],
    };
    await js.publish(SUBJECTS.shopfloor.downtimeRecordsUpserted, JSONCodec().encode(otherDay), { msgID: `${syncId}-d9` });
    await waitFor("the other day's stop", async () => ((await api(`/api/v1/machines/${machineId}/downtime`)).body as { items: unknown[] }).items.length === 4);
    expect(((await oee({ machine_id: machineId, ...day })).body as OeeMetricsView).counts.scrap).toBe(423);

    // A sync that changes this day's job: the answer follows at once.
    const corrected: JobsUpserted = {
      sync_id: syncId,
      records: [
        {
          job_id: `${machineId}-J1`,
          machine_id: machineId,
          part_number: 'P-1',
          start_time: '2026-11-02T05:00:00.000Z',
          end_time: '2026-11-02T13:00:00.000Z',
          state: 'COMPLETED',
          operator_id: null,
          setup_time: null,
          cycle_time: null,
          ideal_cycle_time: 1,
          parts_produced: 19_271,
          parts_scrapped: 100,
          source_updated_at: '2026-11-03T08:00:00.000Z',
        },
      ],
    };
    await js.publish(SUBJECTS.shopfloor.jobsUpserted, JSONCodec().encode(corrected), { msgID: `${syncId}-j-corrected` });
    const after = await waitFor('the corrected answer', async () => {
      const body = (await oee({ machine_id: machineId, ...day })).body as OeeMetricsView;
      return body.counts.scrap === 100 ? body : undefined;
    });
    expect(after.quality).toBeCloseTo((19_271 - 100) / 19_271, 9);
  });

  it('aggregates all machines by summing, and answers bad queries with 400 and unknown machines with 404', async () => {
    const all = await oee(day);
    expect(all.status).toBe(200);
    expect((all.body as OeeMetricsView).machine_id).toBeNull();
    expect((all.body as OeeMetricsView).machine_count).toBeGreaterThanOrEqual(1);

    const reversed = await oee({ machine_id: machineId, from: day.to, to: day.from });
    expect(reversed.status).toBe(400);
    expect((reversed.body as { error_code: string }).error_code).toBe('VALIDATION_FAILED');
    const badGranularity = await oee({ machine_id: machineId, ...day, granularity: 'minute' });
    expect(badGranularity.status).toBe(400);
    expect((badGranularity.body as { field_errors: { field: string }[] }).field_errors.map((f) => f.field)).toEqual(['granularity']);
    const tooFine = await oee({ machine_id: machineId, from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z', granularity: 'hour' });
    expect(tooFine.status).toBe(400);
    expect((tooFine.body as { field_errors: { field: string }[] }).field_errors.map((f) => f.field)).toEqual(['granularity']);
    const yearOfDays = await oee({ machine_id: machineId, from: '2025-01-01T00:00:00+01:00', to: '2026-01-01T00:00:00+01:00', granularity: 'day' });
    expect(yearOfDays.status).toBe(200);
    expect((yearOfDays.body as OeeMetricsView).series).toHaveLength(365);
    const tooLong = await oee({ machine_id: machineId, from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    expect(tooLong.status).toBe(400);
    const unknown = await oee({ machine_id: 'NO-SUCH-MACHINE', ...day });
    expect(unknown.status).toBe(404);
    expect((unknown.body as { error_code: string }).error_code).toBe('MACHINE_NOT_FOUND');
  });

  it("falls back to 24/7 when the machine's calendar is deleted, and says when there is none to delete", async () => {
    const del = await request(stack.gatewayUrl).delete(`/api/v1/calendars/${machineId}`).set('X-API-Key', ADMIN_KEY);
    expect(del.status).toBe(204);
    expect((await api(`/api/v1/calendars/${machineId}`)).body).toMatchObject({ calendar: 'default_24x7' });
    const again = await request(stack.gatewayUrl).delete(`/api/v1/calendars/${machineId}`).set('X-API-Key', ADMIN_KEY);
    expect(again.status).toBe(404);
    expect((again.body as { error_code: string }).error_code).toBe('CALENDAR_NOT_FOUND');
    const shiftWithoutCalendar = await oee({ machine_id: machineId, ...day, granularity: 'shift' });
    expect(shiftWithoutCalendar.status).toBe(400);
  });
});
