import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The report a schedule sends, as stored (the API's ScheduledReportBody with its defaults filled in). */
export interface StoredScheduledReport {
  kind: 'daily' | 'custom';
  metrics: string[] | null;
  machine_ids: string[] | null;
  period: string | null;
  group_by: string | null;
  title: string | null;
}

/** A report e-mailed on a cron schedule in an IANA time zone. */
@Entity({ name: 'report_schedules' })
export class ReportScheduleEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 100 })
  cron!: string;

  @Column({ type: 'varchar', length: 64 })
  timezone!: string;

  @Column({ type: 'jsonb' })
  report!: StoredScheduledReport;

  @Column({ type: 'varchar', length: 10 })
  format!: string;

  @Column({ type: 'text', array: true })
  recipients!: string[];

  @Column({ type: 'boolean' })
  enabled!: boolean;

  /** The next cron time not yet run (null when disabled or when the expression has no future time). */
  @Column({ type: 'timestamptz', nullable: true })
  nextRunAt!: Date | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
