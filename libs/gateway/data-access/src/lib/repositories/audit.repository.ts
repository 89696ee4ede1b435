import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { AuditEntryEntity } from '../entities/audit-entry.entity';

export interface NewAuditEntry {
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown> | null;
  requestId: string | null;
}

@Injectable()
export class AuditRepository {
  private readonly repo: Repository<AuditEntryEntity>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.repo = dataSource.getRepository(AuditEntryEntity);
  }

  async record(entry: NewAuditEntry): Promise<void> {
    await this.repo.save(this.repo.create(entry));
  }

  async latest(limit: number): Promise<AuditEntryEntity[]> {
    return this.repo.find({ order: { id: 'DESC' }, take: limit });
  }
}
