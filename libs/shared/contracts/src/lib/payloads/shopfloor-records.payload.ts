import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MachineRecord } from './machine.payload';

/**
 * Canonical shop-floor records, as ingestion publishes them on the SHOPFLOOR stream after validation. Times are UTC
 * ISO 8601; durations and cycle times are seconds. Mutable records carry the source row's `updated_at` as
 * `source_updated_at`, so a consumer keeps the newest version whatever order messages arrive in; append-only
 * records (events, readings) are keyed by their source id.
 */
export const SHOPFLOOR_ENTITIES = ['machines', 'jobs', 'downtime_records', 'machine_events', 'machine_readings'] as const;
export type ShopfloorEntity = (typeof SHOPFLOOR_ENTITIES)[number];

/** Most records in one message: keeps messages well under NATS's 1 MB default while amortising per-message cost. */
export const MAX_RECORDS_PER_BATCH = 1000;

export const JOB_STATES = ['QUEUED', 'SETUP', 'RUNNING', 'PAUSED', 'COMPLETED', 'ABORTED'] as const;
export const MACHINE_STATES = ['RUNNING', 'IDLE', 'SETUP', 'DOWN', 'OFFLINE'] as const;

export class JobRecord {
  @IsString() @IsNotEmpty() @MaxLength(50)
  job_id!: string;

  @IsString() @IsNotEmpty() @MaxLength(50)
  machine_id!: string;

  @IsOptional() @IsString() @MaxLength(100)
  part_number!: string | null;

  @IsISO8601({ strict: true })
  start_time!: string;

  /** Null while the job runs. */
  @IsOptional() @IsISO8601({ strict: true })
  end_time!: string | null;

  @IsIn(JOB_STATES)
  state!: (typeof JOB_STATES)[number];

  @IsOptional() @IsString() @MaxLength(50)
  operator_id!: string | null;

  @IsOptional() @IsNumber() @Min(0)
  setup_time!: number | null;

  @IsOptional() @IsNumber() @Min(0)
  cycle_time!: number | null;

  @IsOptional() @IsNumber() @Min(0)
  ideal_cycle_time!: number | null;

  @IsOptional() @IsInt() @Min(0)
  parts_produced!: number | null;

  @IsOptional() @IsInt() @Min(0)
  parts_scrapped!: number | null;

  @IsISO8601({ strict: true })
  source_updated_at!: string;
}

export class DowntimeRecord {
  @IsString() @IsNotEmpty() @MaxLength(50)
  record_id!: string;

  @IsOptional() @IsString() @MaxLength(50)
  job_id!: string | null;

  @IsString() @IsNotEmpty() @MaxLength(50)
  machine_id!: string;

  /** As the source has it (BREAK, SETUP, BREAKDOWN, ...); categorised by analytics, case-insensitively. */
  @IsString() @IsNotEmpty() @MaxLength(50)
  downtime_type!: string;

  @IsISO8601({ strict: true })
  start_time!: string;

  @IsNumber() @Min(0)
  duration!: number;

  @IsOptional() @IsString() @MaxLength(20)
  reason_code!: string | null;

  @IsOptional() @IsString()
  description!: string | null;

  @IsISO8601({ strict: true })
  source_updated_at!: string;
}

export class MachineEventRecord {
  /** The source's auto-increment id. */
  @IsInt() @Min(1)
  event_id!: number;

  @IsString() @IsNotEmpty() @MaxLength(50)
  machine_id!: string;

  @IsISO8601({ strict: true })
  event_time!: string;

  @IsString() @IsNotEmpty() @MaxLength(20)
  state!: string;

  @IsOptional() @IsString() @MaxLength(20)
  reason_code!: string | null;

  @IsOptional() @IsString() @MaxLength(50)
  job_id!: string | null;

  @IsOptional() @IsInt() @Min(0)
  part_count!: number | null;
}

export class MachineReadingRecord {
  /** The source's auto-increment id. */
  @IsInt() @Min(1)
  reading_id!: number;

  @IsString() @IsNotEmpty() @MaxLength(50)
  machine_id!: string;

  @IsISO8601({ strict: true })
  reading_time!: string;

  @IsString() @IsNotEmpty() @MaxLength(50)
  metric!: string;

  @IsNumber()
  value!: number;

  @IsOptional() @IsString() @MaxLength(20)
  unit!: string | null;
}

/** Envelope of every batch: which sync produced it, so consumers can log and trace it. */
abstract class BatchEnvelope {
  @IsString() @IsNotEmpty()
  sync_id!: string;
}

export class MachinesUpserted extends BatchEnvelope {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_RECORDS_PER_BATCH) @ValidateNested({ each: true }) @Type(() => MachineRecord)
  records!: MachineRecord[];
}

export class JobsUpserted extends BatchEnvelope {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_RECORDS_PER_BATCH) @ValidateNested({ each: true }) @Type(() => JobRecord)
  records!: JobRecord[];
}

export class DowntimeRecordsUpserted extends BatchEnvelope {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_RECORDS_PER_BATCH) @ValidateNested({ each: true }) @Type(() => DowntimeRecord)
  records!: DowntimeRecord[];
}

export class MachineEventsAppended extends BatchEnvelope {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_RECORDS_PER_BATCH) @ValidateNested({ each: true }) @Type(() => MachineEventRecord)
  records!: MachineEventRecord[];
}

export class MachineReadingsAppended extends BatchEnvelope {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_RECORDS_PER_BATCH) @ValidateNested({ each: true }) @Type(() => MachineReadingRecord)
  records!: MachineReadingRecord[];
}

/**
 * Rows a full sync found gone from the source (reconciliation). Keys are the entity's natural key (machine_id,
 * job_id, record_id) or source id (event_id, reading_id, as strings). A consumer removes them only if its stored
 * version is not newer than `deleted_at`'s snapshot.
 */
export class RecordsDeleted extends BatchEnvelope {
  @IsIn(SHOPFLOOR_ENTITIES)
  entity!: ShopfloorEntity;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_RECORDS_PER_BATCH) @IsString({ each: true }) @IsNotEmpty({ each: true })
  keys!: string[];

  /** When the full sync that found them gone started (UTC). */
  @IsISO8601({ strict: true })
  deleted_at!: string;
}
