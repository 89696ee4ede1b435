import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { Omittable } from './omittable';

export class ListMachinesRequest {
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @Omittable()
  @IsString()
  @MaxLength(50)
  type?: string;

  @Omittable()
  @IsString()
  @MaxLength(100)
  location?: string;
}

export class GetMachineRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
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
