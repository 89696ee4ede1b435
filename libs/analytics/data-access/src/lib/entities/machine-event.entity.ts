import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A state change or counter message of one machine (append-only at the source, keyed by the source's id). */
@Entity({ name: 'machine_events' })
export class MachineEventEntity {
  /** The source's auto-increment id; a Postgres bigint, which the driver returns as a string. */
  @PrimaryColumn({ type: 'bigint' })
  eventId!: string;

  @Column({ type: 'varchar', length: 50 })
  machineId!: string;

  @Column({ type: 'timestamptz' })
  eventTime!: Date;

  /** RUNNING, IDLE, SETUP, DOWN, OFFLINE. */
  @Column({ type: 'varchar', length: 20 })
  state!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  reasonCode!: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  jobId!: string | null;

  /** Cumulative counter when the message carries one. */
  @Column({ type: 'integer', nullable: true })
  partCount!: number | null;

  @Column({ type: 'timestamptz' })
  syncedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
