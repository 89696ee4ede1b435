import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How far incremental sync has read one source table. Mutable tables: the last `updated_at` exactly as the source
 * stores it (wall time text, compared in the source's own terms) plus the primary key as tie-breaker. Append-only
 * tables: the last auto-increment id. Moved only after the records are durably in JetStream.
 */
@Entity({ name: 'watermarks' })
export class WatermarkEntity {
  @PrimaryColumn({ type: 'varchar', length: 50 })
  entity!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  lastUpdatedAt!: string | null;

  /** JSON text of the key (any key a source holds, NUL characters included, can be kept). */
  @Column({ type: 'text', nullable: true })
  lastKey!: string | null;

  @Column({ type: 'bigint', nullable: true })
  lastId!: string | null;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
