import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which machines a rule watches, as stored: an empty list means every machine. */
export interface StoredRuleScope {
  machine_ids: string[];
  machine_types: string[];
  locations: string[];
}

export interface StoredQuietHours {
  timezone: string;
  start: string;
  end: string;
  days: string[];
  except_critical: boolean;
}

export interface StoredChannel {
  type: string;
  to?: string[];
  url?: string;
  format?: string;
}

export interface StoredEscalation {
  after_minutes: number;
  channels: StoredChannel[];
}

/**
 * An alert rule: a condition with its parameters on some machines, and who hears of it. Scope, quiet hours,
 * escalation and channels are kept as the JSON documents the API reads and writes whole.
 */
@Entity({ name: 'alert_rules' })
export class AlertRuleEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 40 })
  condition!: string;

  @Column({ type: 'jsonb' })
  params!: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  scope!: StoredRuleScope;

  @Column({ type: 'varchar', length: 10 })
  severity!: string;

  @Column({ type: 'integer' })
  cooldownMinutes!: number;

  @Column({ type: 'jsonb', nullable: true })
  quietHours!: StoredQuietHours | null;

  @Column({ type: 'jsonb', nullable: true })
  escalation!: StoredEscalation | null;

  @Column({ type: 'jsonb' })
  channels!: StoredChannel[];

  @Column({ type: 'boolean' })
  enabled!: boolean;

  /** One of the rules a new installation starts with. */
  @Column({ type: 'boolean' })
  isDefault!: boolean;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
