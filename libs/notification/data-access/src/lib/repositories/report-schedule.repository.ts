import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { ReportScheduleEntity } from '../entities/report-schedule.entity';

/** Which cron time of a due schedule to run now, and the one after it (null: the expression has no later time). */
export interface DueSlot {
  scheduledFor: Date;
  next: Date | null;
}

/** A run just created by a tick, already claimed by the replica that ticked. */
export interface ClaimedSlot {
  runId: string;
  scheduleId: string;
  scheduledFor: Date;
}

@Injectable()
export class ReportScheduleRepository {
  private readonly repo: Repository<ReportScheduleEntity>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(ReportScheduleEntity);
  }

  async create(schedule: ReportScheduleEntity): Promise<ReportScheduleEntity> {
    await this.repo.insert(schedule);
    return (await this.find(schedule.id)) as ReportScheduleEntity;
  }

  async find(id: string): Promise<ReportScheduleEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** Oldest first (a shop has a handful of schedules). */
  async list(): Promise<ReportScheduleEntity[]> {
    return this.repo.find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** True if there was one to delete; its runs go with it. */
  async delete(id: string): Promise<boolean> {
    const result = await this.repo.delete({ id });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Turns the cron times that have come into runs, once across replicas: due schedules are locked with SKIP LOCKED
   * (a replica ticking at the same moment passes over them), each gets one run for the slot `slotOf` picks — the
   * unique (schedule_id, scheduled_for) refuses a second, should two replicas ever disagree — and its next time is
   * moved on, all in one transaction. The runs come back claimed by `runner` until `now + leaseMs`.
   */
  async createDueRuns(
    now: Date,
    runner: string,
    leaseMs: number,
    limit: number,
    slotOf: (schedule: ReportScheduleEntity) => DueSlot,
    newId: () => string,
  ): Promise<ClaimedSlot[]> {
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .getRepository(ReportScheduleEntity)
        .createQueryBuilder('s')
        .where('s.enabled AND s.nextRunAt <= :now', { now })
        .orderBy('s.nextRunAt', 'ASC')
        .limit(limit)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      const claimed: ClaimedSlot[] = [];
      for (const schedule of due) {
        const slot = slotOf(schedule);
        const inserted = await manager.query<{ id: string }[]>(
          `INSERT INTO "notification"."report_runs" ("id", "schedule_id", "scheduled_for", "state", "attempts", "runner", "lease_expires_at", "started_at")
           VALUES ($1, $2, $3, 'running', 1, $4, $5::timestamptz + make_interval(secs => $6::double precision / 1000), $5)
           ON CONFLICT ("schedule_id", "scheduled_for") DO NOTHING
           RETURNING "id"`,
          [newId(), schedule.id, slot.scheduledFor, runner, now, leaseMs],
        );
        await manager.update(ReportScheduleEntity, { id: schedule.id }, { nextRunAt: slot.next, updatedAt: now });
        if (inserted.length > 0) claimed.push({ runId: inserted[0].id, scheduleId: schedule.id, scheduledFor: slot.scheduledFor });
      }
      return claimed;
    });
  }
}
