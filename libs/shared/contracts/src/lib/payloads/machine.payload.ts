import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

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
