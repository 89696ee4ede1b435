import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Canonical machine record, as ingestion publishes it on `shopfloor.machine.upserted`. Times are UTC ISO 8601. */
export class MachineRecord {
  @IsString() @IsNotEmpty() @MaxLength(50)
  machine_id!: string;

  @IsString() @IsNotEmpty() @MaxLength(100)
  name!: string;

  @IsString() @IsNotEmpty() @MaxLength(50)
  type!: string;

  @IsOptional() @IsString() @MaxLength(100)
  location!: string | null;

  @IsOptional() @IsISO8601({ strict: true })
  installation_date!: string | null;

  @IsOptional() @IsObject()
  specifications!: Record<string, unknown> | null;

  /** The source row's `updated_at` (UTC): a record older than the stored one is ignored. */
  @IsISO8601({ strict: true })
  source_updated_at!: string;
}

export class ListMachinesRequest {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit?: number;

  @IsOptional() @IsString()
  type?: string;

  @IsOptional() @IsString()
  location?: string;
}

export class GetMachineRequest {
  @IsString() @IsNotEmpty() @MaxLength(50)
  machine_id!: string;
}

/** A machine as the API returns it. */
export interface MachineView {
  machine_id: string;
  name: string;
  type: string;
  location: string | null;
  installation_date: string | null;
  specifications: Record<string, unknown> | null;
  source_updated_at: string;
  synced_at: string;
}

export interface ListMachinesReply {
  items: MachineView[];
  total: number;
}
