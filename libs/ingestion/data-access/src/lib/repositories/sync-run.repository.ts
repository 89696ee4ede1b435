import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan, type Repository } from 'typeorm';
import { SyncRunEntity, type SyncRunMode } from '../entities/sync-run.entity';

export interface NewSyncRun {
  id: string;
  mode: SyncRunMode;
  trigger: 'api' | 'schedule';
  runner: string;
  emptyCounts: Record<string, number>;
}

@Injectable()
export class SyncRunRepository {
  private readonly repo: Repository<SyncRunEntity>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.repo = dataSource.getRepository(SyncRunEntity);
  }

  async start(run: NewSyncRun): Promise<SyncRunEntity> {
    const now = new Date();
    return this.repo.save(
      this.repo.create({
        id: run.id,
        mode: run.mode,
        trigger: run.trigger,
        runner: run.runner,
        state: 'running',
        startedAt: now,
        heartbeatAt: now,
        finishedAt: null,
        progress: 0,
        counts: { ...run.emptyCounts },
        deleted: { ...run.emptyCounts },
        rejected: 0,
        error: null,
        errorCode: null,
      }),
    );
  }

  async recordProgress(id: string, progress: number, counts: Record<string, number>, deleted: Record<string, number>, rejected: number): Promise<void> {
    await this.repo.update({ id }, { progress, counts, deleted, rejected, heartbeatAt: new Date() });
  }

  async finish(id: string, state: 'succeeded' | 'failed', error: string | null, errorCode: string | null = null): Promise<void> {
    await this.repo.update(
      { id },
      { state, error, errorCode, finishedAt: new Date(), heartbeatAt: new Date(), ...(state === 'succeeded' ? { progress: 1 } : {}) },
    );
  }

  async latest(): Promise<SyncRunEntity | null> {
    return this.repo.findOne({ where: {}, order: { startedAt: 'DESC' } });
  }

  async latestSucceeded(): Promise<SyncRunEntity | null> {
    return this.repo.findOne({ where: { state: 'succeeded' }, order: { startedAt: 'DESC' } });
  }

  async running(): Promise<SyncRunEntity | null> {
    return this.repo.findOne({ where: { state: 'running' }, order: { startedAt: 'DESC' } });
  }

  /** Marks runs whose process stopped sending heartbeats as failed (it died mid-run; the next run resumes from the watermarks). */
  async failAbandoned(heartbeatBefore: Date): Promise<number> {
    const result = await this.repo.update(
      { state: 'running', heartbeatAt: LessThan(heartbeatBefore) },
      {
        state: 'failed',
        error: 'Interrupted: the process running this sync stopped; the next sync resumes from the last page it committed',
        errorCode: 'SYNC_INTERRUPTED',
        finishedAt: new Date(),
      },
    );
    return result.affected ?? 0;
  }
}
