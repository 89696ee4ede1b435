import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A source row that failed validation, with every reason and the row as read. Never dropped silently. */
@Entity({ name: 'quarantined_rows' })
export class QuarantinedRowEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 50 })
  entity!: string;

  @Column({ type: 'varchar', length: 100 })
  sourceTable!: string;

  @Column({ type: 'varchar', length: 200 })
  primaryKey!: string;

  @Column({ type: 'jsonb' })
  reasons!: string[];

  @Column({ type: 'jsonb' })
  raw!: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  firstSeenAt!: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt!: Date;

  @Column({ type: 'uuid' })
  lastSyncId!: string;

  /** Who refused the row: 'ingestion' (the source row failed its checks) or a SHOPFLOOR consumer's durable name. */
  @Column({ type: 'varchar', length: 100 })
  rejectedBy!: string;
}
