import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SyncRunState = 'running' | 'succeeded' | 'failed';
export type SyncRunMode = 'incremental' | 'full';

/** One sync of the source, with what it published, deleted and rejected per entity. */
@Entity({ name: 'sync_runs' })
export class SyncRunEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  mode!: SyncRunMode;

  @Column({ type: 'varchar', length: 20 })
  state!: SyncRunState;

  @Column({ type: 'varchar', length: 20 })
  trigger!: 'api' | 'schedule';

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  /** Last sign of life of the process running it; a stale one means that process died. */
  @Column({ type: 'timestamptz' })
  heartbeatAt!: Date;

  @Column({ type: 'double precision' })
  progress!: number;

  @Column({ type: 'jsonb' })
  counts!: Record<string, number>;

  @Column({ type: 'jsonb' })
  deleted!: Record<string, number>;

  @Column({ type: 'integer' })
  rejected!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** Why a failed run failed, as a code (SOURCE_UNAVAILABLE, BUS_UNAVAILABLE, STATE_STORE_FAILED, SYNC_FAILED). */
  @Column({ type: 'varchar', length: 50, nullable: true })
  errorCode!: string | null;

  /** host:pid of the process that ran it. */
  @Column({ type: 'varchar', length: 200 })
  runner!: string;
}
