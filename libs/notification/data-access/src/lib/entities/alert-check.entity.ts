import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A periodic check of the alert engine that runs once across replicas: whoever moves `dueAt` on runs it. */
@Entity({ name: 'alert_checks' })
export class AlertCheckEntity {
  @PrimaryColumn({ type: 'varchar', length: 50 })
  name!: string;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;
}
