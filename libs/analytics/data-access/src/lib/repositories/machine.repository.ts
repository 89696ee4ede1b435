import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type FindOptionsWhere, type Repository } from 'typeorm';
import { MachineEntity } from '../entities/machine.entity';

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

@Injectable()
export class MachineRepository {
  private readonly repo: Repository<MachineEntity>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(MachineEntity);
  }

  /**
   * Inserts or updates by natural key, but only with a source version at least as new as the stored one (and newer
   * than a tombstone), so a redelivered or reordered older record changes nothing. Returns whether a row changed.
   */
  async upsertIfNewer(m: MachineUpsert): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO "analytics"."machines"
         ("machine_id", "name", "type", "location", "installation_date", "specifications", "source_updated_at", "synced_at", "deleted_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, now(), NULL)
       ON CONFLICT ("machine_id") DO UPDATE SET
         "name" = EXCLUDED."name", "type" = EXCLUDED."type", "location" = EXCLUDED."location",
         "installation_date" = EXCLUDED."installation_date", "specifications" = EXCLUDED."specifications",
         "source_updated_at" = EXCLUDED."source_updated_at", "synced_at" = now(), "deleted_at" = NULL
       WHERE "machines"."source_updated_at" <= EXCLUDED."source_updated_at"
         AND ("machines"."deleted_at" IS NULL OR "machines"."deleted_at" < EXCLUDED."source_updated_at")
       RETURNING "machine_id"`,
      [m.machineId, m.name, m.type, m.location, m.installationDate, m.specifications === null ? null : JSON.stringify(m.specifications), m.sourceUpdatedAt],
    );
    return rows.length > 0;
  }

  async markDeleted(machineId: string, at: Date): Promise<boolean> {
    const result = await this.repo.update({ machineId, deletedAt: IsNull() }, { deletedAt: at, syncedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  async findActive(machineId: string): Promise<MachineEntity | null> {
    return this.repo.findOneBy({ machineId, deletedAt: IsNull() });
  }

  async list(filter: MachineFilter): Promise<{ items: MachineEntity[]; total: number }> {
    const where: FindOptionsWhere<MachineEntity> = { deletedAt: IsNull() };
    if (filter.type) where.type = filter.type;
    if (filter.location) where.location = filter.location;
    const [items, total] = await this.repo.findAndCount({ where, order: { machineId: 'ASC' }, take: filter.limit });
    return { items, total };
  }
}
