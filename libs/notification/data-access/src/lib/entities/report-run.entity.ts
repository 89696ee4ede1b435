import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `running`: the file is being made (or waits for a retry); `queued`: its e-mail is in the outbox; `failed`: no file. */
export type StoredReportRunState = 'running' | 'queued' | 'failed';

/** One cron time of a schedule: unique per (schedule, time), so it happens once across replicas. */
@Entity({ name: 'report_runs' })
export class ReportRunEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  scheduleId!: string;

  @Column({ type: 'timestamptz' })
  scheduledFor!: Date;

  @Column({ type: 'varchar', length: 20 })
  state!: StoredReportRunState;

  @Column({ type: 'integer' })
  attempts!: number;

  /** The replica making the file; its claim lapses at lease_expires_at (then, or at a retry's time, any replica takes it). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  runner!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  leaseExpiresAt!: Date | null;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  deliveryId!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  fileName!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}
