import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What the alert engine knows of a machine between events: a condition that lasts (a breakdown, a long stop, a data
 * gap — from its raising to its clearing) or the latest prediction of a kind. Rules are judged against these rows,
 * so the verdict is the same whichever replica handles an event, and in whatever order events of two replicas land.
 */
@Entity({ name: 'machine_conditions' })
export class MachineConditionEntity {
  @PrimaryColumn({ type: 'varchar', length: 50 })
  machineId!: string;

  /** An analytics alert kind (breakdown, long_stop, data_gap) or `prediction.<type>`. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  kind!: string;

  /** When the current episode began; for a prediction, when it was made. */
  @Column({ type: 'timestamptz' })
  since!: Date;

  /** When the latest event about it was raised. */
  @Column({ type: 'timestamptz' })
  observedAt!: Date;

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;

  /** When the episode ended; null while it lasts. */
  @Column({ type: 'timestamptz', nullable: true })
  clearedAt!: Date | null;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
