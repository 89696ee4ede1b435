import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type Repository } from 'typeorm';
import { ApiKeyEntity, type ApiKeyRole } from '../entities/api-key.entity';

export interface NewApiKey {
  name: string;
  role: ApiKeyRole;
  keyPrefix: string;
  keyHash: string;
  createdBy: string;
}

@Injectable()
export class ApiKeyRepository {
  private readonly repo: Repository<ApiKeyEntity>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.repo = dataSource.getRepository(ApiKeyEntity);
  }

  async create(key: NewApiKey): Promise<ApiKeyEntity> {
    const saved = await this.repo.save(this.repo.create({ ...key, lastUsedAt: null, revokedAt: null }));
    return this.repo.findOneByOrFail({ id: saved.id });
  }

  /** The active (not revoked) key with this hash. */
  async findActiveByHash(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.repo.findOneBy({ keyHash, revokedAt: IsNull() });
  }

  async list(includeRevoked: boolean): Promise<ApiKeyEntity[]> {
    return this.repo.find({ where: includeRevoked ? {} : { revokedAt: IsNull() }, order: { createdAt: 'ASC' } });
  }

  /** Marks the key revoked; false when there is no such active key. */
  async revoke(id: string, at: Date): Promise<boolean> {
    const result = await this.repo.update({ id, revokedAt: IsNull() }, { revokedAt: at });
    return (result.affected ?? 0) > 0;
  }

  /** True for a revoked key and for an id no key has (any more): what a bearer token, carrying only its key's id, is checked against. */
  async isRevoked(id: string): Promise<boolean> {
    const key = await this.repo.findOne({ where: { id }, select: { id: true, revokedAt: true } });
    return key === null || key.revokedAt !== null;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.repo.update({ id }, { lastUsedAt: at });
  }
}
