import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type StoredAlertEventKind = 'opened' | 'updated' | 'acknowledged' | 'resolved' | 'escalated' | 'notified';

/** One entry of an alert's timeline: what happened, when, and who did it (null for the platform itself). */
@Entity({ name: 'alert_events' })
export class AlertEventEntity {
  /** bigserial: the order of entries of the same instant. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  alertId!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'varchar', length: 20 })
  kind!: StoredAlertEventKind;

  @Column({ type: 'varchar', length: 200, nullable: true })
  actor!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  comment!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;
}
