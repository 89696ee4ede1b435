import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { createTestDatabase, type TestDatabase } from '@shopfloor/testing';
import { DataSource } from 'typeorm';
import { ANALYTICS_ENTITIES, ANALYTICS_MIGRATIONS } from '../../index';
import { MachineRepository, type MachineUpsert } from './machine.repository';

function machine(overrides: Partial<MachineUpsert> = {}): MachineUpsert {
  return {
    machineId: 'M-001',
    name: 'Mazak VCN-530C',
    type: 'MILL',
    location: 'Hall 1',
    installationDate: new Date('2018-03-01T00:00:00Z'),
    specifications: { axes: 3 },
    sourceUpdatedAt: new Date('2026-01-01T10:00:00Z'),
    ...overrides,
  };
}

describe(MachineRepository.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let repo: MachineRepository;

  beforeAll(async () => {
    db = await createTestDatabase('sf_machines');
    const settings = {
      url: db.serviceUrl('analytics'),
      schema: 'analytics',
      ssl: 'disable' as const,
      poolSize: 2,
      applicationName: 'test',
      entities: ANALYTICS_ENTITIES,
      migrations: ANALYTICS_MIGRATIONS,
      migrationsRun: false,
    };
    await runMigrations(settings);
    dataSource = await new DataSource(serviceDataSourceOptions(settings)).initialize();
    repo = new MachineRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  beforeEach(async () => {
    await dataSource.query('TRUNCATE analytics.machines');
  });

  it('inserts a new machine and reads it back', async () => {
    expect(await repo.upsertBatch([machine()])).toBe(1);
    const stored = await repo.findActive('M-001');
    expect(stored).toMatchObject({ machineId: 'M-001', name: 'Mazak VCN-530C', type: 'MILL', location: 'Hall 1', specifications: { axes: 3 } });
    expect(stored?.sourceUpdatedAt.toISOString()).toBe('2026-01-01T10:00:00.000Z');
    expect(stored?.installationDate?.toISOString()).toBe('2018-03-01T00:00:00.000Z');
  });

  it('applies a newer source version and ignores an older one', async () => {
    await repo.upsertBatch([machine()]);
    expect(await repo.upsertBatch([machine({ name: 'renamed', sourceUpdatedAt: new Date('2026-01-02T00:00:00Z') })])).toBe(1);
    expect(await repo.upsertBatch([machine({ name: 'stale', sourceUpdatedAt: new Date('2026-01-01T12:00:00Z') })])).toBe(0);
    expect((await repo.findActive('M-001'))?.name).toBe('renamed');
  });

  it('takes different content of the same source version, but rewrites nothing when a batch is replayed', async () => {
    await repo.upsertBatch([machine(), machine({ machineId: 'M-002', specifications: null, location: null, installationDate: null })]);
    const before = await dataSource.query<{ machine_id: string; synced_at: Date }[]>(
      'SELECT machine_id, synced_at FROM analytics.machines ORDER BY machine_id',
    );
    expect(await repo.upsertBatch([machine(), machine({ machineId: 'M-002', specifications: null, location: null, installationDate: null })])).toBe(0);
    const after = await dataSource.query<{ machine_id: string; synced_at: Date }[]>('SELECT machine_id, synced_at FROM analytics.machines ORDER BY machine_id');
    expect(after).toEqual(before);
    expect(await repo.upsertBatch([machine({ location: 'Hall 3' })])).toBe(1);
    expect((await repo.findActive('M-001'))?.location).toBe('Hall 3');
  });

  it('keeps the newest version when one batch holds a key twice, in either order', async () => {
    const older = machine({ name: 'older', sourceUpdatedAt: new Date('2026-01-01T10:00:00Z') });
    const newer = machine({ name: 'newer', sourceUpdatedAt: new Date('2026-01-01T11:00:00Z') });
    expect(await repo.upsertBatch([newer, older])).toBe(1);
    expect((await repo.findActive('M-001'))?.name).toBe('newer');
    await dataSource.query('TRUNCATE analytics.machines');
    expect(await repo.upsertBatch([older, newer])).toBe(1);
    expect((await repo.findActive('M-001'))?.name).toBe('newer');
  });

  it('hides a deleted machine and does not let an older record bring it back', async () => {
    await repo.upsertBatch([machine()]);
    expect(await repo.markDeleted(['M-001'], new Date('2026-01-05T00:00:00Z'))).toBe(1);
    expect(await repo.findActive('M-001')).toBeNull();
    expect(await repo.existsActive('M-001')).toBe(false);
    expect(await repo.upsertBatch([machine({ sourceUpdatedAt: new Date('2026-01-03T00:00:00Z') })])).toBe(0);
    expect(await repo.findActive('M-001')).toBeNull();
    expect(await repo.upsertBatch([machine({ sourceUpdatedAt: new Date('2026-01-06T00:00:00Z') })])).toBe(1);
    expect(await repo.findActive('M-001')).not.toBeNull();
  });

  it('ignores a deletion older than the stored version and a repeated one', async () => {
    await repo.upsertBatch([machine({ sourceUpdatedAt: new Date('2026-01-05T00:00:00Z') }), machine({ machineId: 'M-002' })]);
    expect(await repo.markDeleted(['M-001', 'M-002', 'M-404'], new Date('2026-01-04T00:00:00Z'))).toBe(1);
    expect(await repo.existsActive('M-001')).toBe(true);
    expect(await repo.existsActive('M-002')).toBe(false);
    expect(await repo.markDeleted(['M-002'], new Date('2026-01-04T00:00:00Z'))).toBe(0);
  });

  it('filters by type and location and orders by machine id', async () => {
    await repo.upsertBatch([
      machine({ machineId: 'M-003', type: 'LATHE' }),
      machine({ machineId: 'M-002' }),
      machine({ machineId: 'M-001', location: 'Hall 2' }),
    ]);
    expect((await repo.list({ limit: 10, type: 'MILL' })).items.map((m) => m.machineId)).toEqual(['M-001', 'M-002']);
    expect((await repo.list({ limit: 10, location: 'Hall 1' })).items.map((m) => m.machineId)).toEqual(['M-002', 'M-003']);
    expect((await repo.list({ limit: 1 })).total).toBe(3);
  });
});
