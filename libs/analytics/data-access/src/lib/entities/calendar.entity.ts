import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface StoredShift {
  name: string;
  days: string[];
  start: string;
  end: string;
}

/** A shift calendar: the shop default (id 'default') or one machine's own (id = machine id). */
@Entity({ name: 'calendars' })
export class CalendarEntity {
  @PrimaryColumn({ type: 'varchar', length: 50 })
  calendarId!: string;

  @Column({ type: 'varchar', length: 64 })
  timezone!: string;

  @Column({ type: 'jsonb' })
  shifts!: StoredShift[];

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
