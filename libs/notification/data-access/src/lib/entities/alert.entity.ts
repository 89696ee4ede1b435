import { Column, Entity, PrimaryColumn } from 'typeorm';

export type StoredAlertState = 'open' | 'acknowledged' | 'resolved';

/**
 * An alert: one episode of one rule's condition on one machine. At most one alert of a rule and machine is not
 * resolved at a time (a partial unique index), which is what keeps any number of replicas from opening it twice.
 */
@Entity({ name: 'alerts' })
export class AlertEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Null once the rule is deleted. */
  @Column({ type: 'uuid', nullable: true })
  ruleId!: string | null;

  @Column({ type: 'varchar', length: 50 })
  machineId!: string;

  @Column({ type: 'varchar', length: 40 })
  condition!: string;

  @Column({ type: 'varchar', length: 10 })
  severity!: string;

  @Column({ type: 'varchar', length: 20 })
  state!: StoredAlertState;

  @Column({ type: 'varchar', length: 500 })
  message!: string;

  /** What was measured, as of the latest update. */
  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  openedAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;

  /** The time of the latest evidence that the condition holds (a scrap burst, an anomaly): windows count from it. */
  @Column({ type: 'timestamptz' })
  conditionSeenAt!: Date;

  /** When people were (or, after quiet hours, will be) first told: the escalation's delay counts from it. */
  @Column({ type: 'timestamptz' })
  noticeAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  acknowledgedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  /** Null when the condition cleared by itself. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  resolvedBy!: string | null;
}
