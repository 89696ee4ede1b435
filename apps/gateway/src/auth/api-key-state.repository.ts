import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiKeyEntity } from '@shopfloor/gateway/data-access';
import { DataSource, type Repository } from 'typeorm';

/** Whether a key is still active, by id: what a bearer token (which carries only its key's id) is checked against. */
@Injectable()
export class ApiKeyStateRepository {
  private readonly repo: Repository<ApiKeyEntity>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.repo = dataSource.getRepository(ApiKeyEntity);
  }

  /** True for a revoked key and for an id no key has (any more). */
  async isRevoked(id: string): Promise<boolean> {
    const key = await this.repo.findOne({ where: { id }, select: { id: true, revokedAt: true } });
    return key === null || key.revokedAt !== null;
  }
}
