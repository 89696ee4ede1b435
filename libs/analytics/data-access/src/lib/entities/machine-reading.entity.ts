import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One analog value of one machine (spindle load, temperature, ...); append-only at the source, keyed by its id. */
@Entity({ name: 'machine_readings' })
export class MachineReadingEntity {
  /** The source's auto-increment id; a Postgres bigint, which the driver returns as a string. */
  @PrimaryColumn({ type: 'bigint' })
  readingId!: string;

  @Column({ type: 'varchar', length: 50 })
  machineId!: string;

  @Column({ type: 'timestamptz' })
  readingTime!: Date;

  @Column({ type: 'varchar', length: 50 })
  metric!: string;

  @Column({ type: 'double precision' })
  value!: number;

  @Column({ type: 'varchar', length: 20, nullable: true })
  unit!: string | null;

  @Column({ type: 'timestamptz' })
  syncedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
