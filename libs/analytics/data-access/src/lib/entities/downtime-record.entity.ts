import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A stop of one machine as the source recorded it; `deleted_at` is a tombstone like the machines'. */
@Entity({ name: 'downtime_records' })
export class DowntimeRecordEntity {
  @PrimaryColumn({ type: 'varchar', length: 50 })
  recordId!: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  jobId!: string | null;

  @Column({ type: 'varchar', length: 50 })
  machineId!: string;

  /** As the source has it (BREAK, SETUP, BREAKDOWN, ...). */
  @Column({ type: 'varchar', length: 50 })
  downtimeType!: string;

  @Column({ type: 'timestamptz' })
  startTime!: Date;

  /** Seconds. */
  @Column({ type: 'double precision' })
  duration!: number;

  /** start_time + duration, stored so that overlap queries use an index. */
  @Column({ type: 'timestamptz' })
  endTime!: Date;

  @Column({ type: 'varchar', length: 20, nullable: true })
  reasonCode!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'timestamptz' })
  sourceUpdatedAt!: Date;

  @Column({ type: 'timestamptz' })
  syncedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
