import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A job (work order run on one machine) as last synced from the source; `deleted_at` is a tombstone like the machines'. */
@Entity({ name: 'jobs' })
export class JobEntity {
  @PrimaryColumn({ type: 'varchar', length: 50 })
  jobId!: string;

  @Column({ type: 'varchar', length: 50 })
  machineId!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  partNumber!: string | null;

  @Column({ type: 'timestamptz' })
  startTime!: Date;

  /** Null while the job runs. */
  @Column({ type: 'timestamptz', nullable: true })
  endTime!: Date | null;

  @Column({ type: 'varchar', length: 20 })
  state!: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  operatorId!: string | null;

  /** Seconds. */
  @Column({ type: 'double precision', nullable: true })
  setupTime!: number | null;

  /** Actual mean seconds per part. */
  @Column({ type: 'double precision', nullable: true })
  cycleTime!: number | null;

  /** Standard seconds per part. */
  @Column({ type: 'double precision', nullable: true })
  idealCycleTime!: number | null;

  /** Total count, good + scrap. */
  @Column({ type: 'integer', nullable: true })
  partsProduced!: number | null;

  @Column({ type: 'integer', nullable: true })
  partsScrapped!: number | null;

  @Column({ type: 'timestamptz' })
  sourceUpdatedAt!: Date;

  @Column({ type: 'timestamptz' })
  syncedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
