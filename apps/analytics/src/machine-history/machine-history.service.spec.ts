import { ErrorCode } from '@shopfloor/contracts';
import { ANALYTICS_ENTITIES, ANALYTICS_MIGRATIONS, DowntimeRecordRepository, JobRepository, MachineRepository } from '@shopfloor/analytics/data-access';
import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { createTestDatabase, type TestDatabase } from '@shopfloor/testing';
import { DataSource } from 'typeorm';
import { DEFAULT_HISTORY_LIMIT, MachineHistoryService } from './machine-history.service';

const VERSION = new Date('2026-03-03T00:00:00Z');

describe(MachineHistoryService.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let service: MachineHistoryService;

  beforeAll(async () => {
    db = await createTestDatabase('sf_history');
    const settings = { url: db.serviceUrl('analytics'), schema: 'analytics', ssl: 'disable' as const, poolSize: 2, applicationName: 'test', entities: ANALYTICS_ENTITIES, migrations: ANALYTICS_MIGRATIONS, migrationsRun: false };
    await runMigrations(settings);
    dataSource = await new DataSource(serviceDataSourceOptions(settings)).initialize();
    const machines = new MachineRepository(dataSource);
    const jobs = new JobRepository(dataSource);
    const downtime = new DowntimeRecordRepository(dataSource);
    service = new MachineHistoryService(machines, jobs, downtime);

    await machines.upsertBatch([
      { machineId: 'M-1', name: 'M-1', type: 'MILL', location: null, installationDate: null, specifications: null, sourceUpdatedAt: VERSION },
      { machineId: 'M-GONE', name: 'M-GONE', type: 'MILL', location: null, installationDate: null, specifications: null, sourceUpdatedAt: VERSION },
    ]);
    await machines.markDeleted(['M-GONE'], new Date('2026-03-04T00:00:00Z'));
    await jobs.upsertBatch(
      Array.from({ length: DEFAULT_HISTORY_LIMIT + 5 }, (_, i) => ({
        jobId: `J-${String(i).padStart(5, '0')}`,
        machineId: 'M-1',
        partNumber: null,
        startTime: new Date(Date.UTC(2026, 2, 1) + i * 60_000),
        endTime: new Date(Date.UTC(2026, 2, 1) + i * 60_000 + 30_000),
        state: 'COMPLETED',
        operatorId: null,
        setupTime: null,
        cycleTime: null,
        idealCycleTime: 12.5,
        partsProduced: 2,
        partsScrapped: 0,
        sourceUpdatedAt: VERSION,
      })),
    );
    await downtime.upsertBatch([
      { recordId: 'D-1', jobId: 'J-00000', machineId: 'M-1', downtimeType: 'BREAK', startTime: new Date('2026-03-01T00:00:10Z'), duration: 90.5, reasonCode: null, description: 'lunch', sourceUpdatedAt: VERSION },
    ]);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('answers the jobs in the period as API views, with the period echoed in UTC', async () => {
    const page = await service.jobs({ machine_id: 'M-1', from: '2026-03-01T01:00:00+01:00', to: '2026-03-01T00:02:00Z' });
    expect(page).toEqual({
      machine_id: 'M-1',
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-01T00:02:00.000Z',
      items: [
        expect.objectContaining({ job_id: 'J-00000', start_time: '2026-03-01T00:00:00.000Z', end_time: '2026-03-01T00:00:30.000Z', ideal_cycle_time: 12.5, source_updated_at: '2026-03-03T00:00:00.000Z' }),
        expect.objectContaining({ job_id: 'J-00001' }),
      ],
    });
  });

  it('returns at most 1000 records unless asked for another limit', async () => {
    expect((await service.jobs({ machine_id: 'M-1' })).items).toHaveLength(DEFAULT_HISTORY_LIMIT);
    expect((await service.jobs({ machine_id: 'M-1', limit: 3 })).items.map((j) => j.job_id)).toEqual(['J-00000', 'J-00001', 'J-00002']);
    expect((await service.jobs({ machine_id: 'M-1', limit: 5000 })).items).toHaveLength(DEFAULT_HISTORY_LIMIT + 5);
  });

  it('answers downtime with its end time derived from start and duration', async () => {
    const page = await service.downtime({ machine_id: 'M-1', from: '2026-03-01T00:01:00Z', to: '2026-03-02T00:00:00Z' });
    expect(page.items).toEqual([
      {
        record_id: 'D-1',
        job_id: 'J-00000',
        machine_id: 'M-1',
        downtime_type: 'BREAK',
        start_time: '2026-03-01T00:00:10.000Z',
        end_time: '2026-03-01T00:01:40.500Z',
        duration: 90.5,
        reason_code: null,
        description: 'lunch',
        source_updated_at: '2026-03-03T00:00:00.000Z',
      },
    ]);
  });

  it('answers MACHINE_NOT_FOUND for a machine that is unknown or deleted', async () => {
    await expect(service.jobs({ machine_id: 'M-404' })).rejects.toMatchObject({ code: ErrorCode.MachineNotFound, details: { machine_id: 'M-404' } });
    await expect(service.downtime({ machine_id: 'M-GONE' })).rejects.toMatchObject({ code: ErrorCode.MachineNotFound });
  });

  it('refuses a period whose start is not before its end', async () => {
    await expect(service.jobs({ machine_id: 'M-1', from: '2026-03-02T00:00:00Z', to: '2026-03-02T00:00:00Z' })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      fieldErrors: [expect.objectContaining({ field: 'from' })],
    });
    await expect(service.downtime({ machine_id: 'M-1', from: '2026-03-03T00:00:00Z', to: '2026-03-02T00:00:00Z' })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });

  it('refuses a time without offset, which names no single instant, and takes a bare date as midnight UTC', async () => {
    await expect(service.jobs({ machine_id: 'M-1', from: '2026-03-01T00:00:00' })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      fieldErrors: [expect.objectContaining({ field: 'from', invalid_value: '2026-03-01T00:00:00' })],
    });
    await expect(service.jobs({ machine_id: 'M-1', to: '2026-W10' })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed, fieldErrors: [expect.objectContaining({ field: 'to' })] });
    expect(await service.jobs({ machine_id: 'M-1', from: '2026-03-02', limit: 1 })).toMatchObject({ from: '2026-03-02T00:00:00.000Z', items: [] });
    expect((await service.jobs({ machine_id: 'M-1', to: '2026-03-01T00:00:30.5+00:00' })).items.map((j) => j.job_id)).toEqual(['J-00000']);
  });
});
