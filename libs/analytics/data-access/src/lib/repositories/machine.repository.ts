import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, type FindOptionsWhere, type Repository } from 'typeorm';
import { versionedUpsertSql } from '@shopfloor/database';
import { MachineEntity } from '../entities/machine.entity';
import { executeCounting, tombstoneVersioned } from './batch-statement';

export interface MachineUpsert {
  machineId: string;
  name: string;
  type: string;
  location: string | null;
  installationDate: Date | null;
  specifications: Record<string, unknown> | null;
  sourceUpdatedAt: Date;
}

export interface MachineFilter {
  type?: string;
  location?: string;
  limit: number;
}

/**
 * One statement per batch. Within the batch the newest version of a key wins (the later one on a tie). A stored row
 * changes only for a version at least as new as its own (and newer than its tombstone), and only if something
 * differs — so a redelivered or replayed batch, or an older record arriving late, writes nothing.
 */
const UPSERT_MACHINES = versionedUpsertSql({
  schema: 'analytics',
  table: 'machines',
  key: 'machine_id',
  inputs: [
    { name: 'machine_id', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'type', type: 'text' },
    { name: 'location', type: 'text' },
    { name: 'installation_date', type: 'timestamptz' },
    { name: 'specifications', type: 'text' },
    { name: 'source_updated_at', type: 'timestamptz' },
  ],
  columns: [
    { name: 'name' },
    { name: 'type' },
    { name: 'location' },
    { name: 'installation_date' },
    { name: 'specifications', value: 'r."specifications"::jsonb' },
  ],
  version: { input: 'source_updated_at' },
  syncedAt: true,
});

@Injectable()
export class MachineRepository {
  private readonly repo: Repository<MachineEntity>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(MachineEntity);
  }

  /** Inserts or updates a batch by natural key if newer (see UPSERT_MACHINES). Returns how many rows changed. */
  async upsertBatch(rows: MachineUpsert[]): Promise<number> {
    if (rows.length === 0) return 0;
    return executeCounting(this.dataSource, UPSERT_MACHINES, [
      rows.map((m) => m.machineId),
      rows.map((m) => m.name),
      rows.map((m) => m.type),
      rows.map((m) => m.location),
      rows.map((m) => m.installationDate),
      rows.map((m) => (m.specifications === null ? null : JSON.stringify(m.specifications))),
      rows.map((m) => m.sourceUpdatedAt),
    ]);
  }

  /** Tombstones machines gone from the source, unless stored newer than the deletion. Returns how many changed. */
  async markDeleted(machineIds: string[], deletedAt: Date): Promise<number> {
    if (machineIds.length === 0) return 0;
    return tombstoneVersioned(this.dataSource, 'machines', 'machine_id', machineIds, deletedAt);
  }

  async findActive(machineId: string): Promise<MachineEntity | null> {
    return this.repo.findOneBy({ machineId, deletedAt: IsNull() });
  }

  async existsActive(machineId: string): Promise<boolean> {
    return this.repo.existsBy({ machineId, deletedAt: IsNull() });
  }

  async list(filter: MachineFilter): Promise<{ items: MachineEntity[]; total: number }> {
    const where: FindOptionsWhere<MachineEntity> = { deletedAt: IsNull() };
    if (filter.type) where.type = filter.type;
    if (filter.location) where.location = filter.location;
    const [items, total] = await this.repo.findAndCount({ where, order: { machineId: 'ASC' }, take: filter.limit });
    return { items, total };
  }

  /** Ids of the active machines, optionally only those of a type / location / id list, in id order. */
  async activeIds(filter: { type?: string; location?: string; machineIds?: string[] } = {}): Promise<string[]> {
    const where: FindOptionsWhere<MachineEntity> = { deletedAt: IsNull() };
    if (filter.type) where.type = filter.type;
    if (filter.location) where.location = filter.location;
    if (filter.machineIds) where.machineId = In(filter.machineIds);
    const rows = await this.repo.find({ where, select: { machineId: true }, order: { machineId: 'ASC' } });
    return rows.map((r) => r.machineId);
  }

  /** The active machines among `machineIds`, in id order. */
  async findActiveMany(machineIds: string[]): Promise<MachineEntity[]> {
    if (machineIds.length === 0) return [];
    return this.repo.find({ where: { machineId: In(machineIds), deletedAt: IsNull() }, order: { machineId: 'ASC' } });
  }
}
