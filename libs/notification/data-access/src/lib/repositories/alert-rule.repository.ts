import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, type Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AlertRuleEntity } from '../entities/alert-rule.entity';

/** What a rule's owner sets; the id, the default flag and the creation time stay as they are. */
export type AlertRuleFields = Omit<AlertRuleEntity, 'id' | 'isDefault' | 'createdAt'>;

@Injectable()
export class AlertRuleRepository {
  private readonly repo: Repository<AlertRuleEntity>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.repo = dataSource.getRepository(AlertRuleEntity);
  }

  /** Every rule, oldest first (the defaults lead). */
  async list(): Promise<AlertRuleEntity[]> {
    return this.repo.find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async find(id: string, manager?: EntityManager): Promise<AlertRuleEntity | null> {
    return (manager?.getRepository(AlertRuleEntity) ?? this.repo).findOneBy({ id });
  }

  /** The rule, locked until the transaction ends: an alert cannot be opened for it meanwhile (its foreign key waits). */
  async findForUpdate(manager: EntityManager, id: string): Promise<AlertRuleEntity | null> {
    return manager.getRepository(AlertRuleEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The enabled rules of the given conditions. */
  async enabledFor(conditions: readonly string[]): Promise<AlertRuleEntity[]> {
    if (conditions.length === 0) return [];
    return this.repo.find({ where: { enabled: true, condition: In([...conditions]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  // params is free-form JSON, which TypeORM's partial-entity type cannot express; the casts say it is one column.
  async insert(rule: AlertRuleEntity): Promise<AlertRuleEntity> {
    await this.repo.insert(rule as QueryDeepPartialEntity<AlertRuleEntity>);
    return (await this.find(rule.id)) as AlertRuleEntity;
  }

  /** Replaces what the owner sets; null when there is no such rule. */
  async replace(id: string, fields: AlertRuleFields, manager?: EntityManager): Promise<AlertRuleEntity | null> {
    const repo = manager?.getRepository(AlertRuleEntity) ?? this.repo;
    const result = await repo.update({ id }, fields as QueryDeepPartialEntity<AlertRuleEntity>);
    if ((result.affected ?? 0) === 0) return null;
    return repo.findOneBy({ id });
  }

  /** True if there was one to delete. Its alerts stay, no longer linked to it. */
  async delete(id: string, manager?: EntityManager): Promise<boolean> {
    const result = await (manager?.getRepository(AlertRuleEntity) ?? this.repo).delete({ id });
    return (result.affected ?? 0) > 0;
  }
}
