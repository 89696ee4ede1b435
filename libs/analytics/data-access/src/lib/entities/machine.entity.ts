import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A machine of the read model, as last synced from the source. Deleted at the source → `deleted_at` set (a tombstone,
 * so a late redelivery cannot bring it back).
 */
@Entity({ name: 'machines' })
export class MachineEntity {
  @PrimaryColumn({ type: 'varchar', length: 50 })
  machineId!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 50 })
  type!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  location!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  installationDate!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  specifications!: Record<string, unknown> | null;

  @Column({ type: 'timestamptz' })
  sourceUpdatedAt!: Date;

  @Column({ type: 'timestamptz' })
  syncedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
