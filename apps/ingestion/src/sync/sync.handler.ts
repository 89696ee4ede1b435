import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { StartSyncRequest, SUBJECTS, validatePayload, type MappingProblem, type StartSyncReply, type SyncStatusView } from '@shopfloor/contracts';
import { SyncService } from './sync.service';

@Controller()
export class SyncHandler {
  constructor(private readonly sync: SyncService) {}

  @MessagePattern(SUBJECTS.ingestion.syncStart)
  async start(@Payload() payload: unknown): Promise<StartSyncReply> {
    const request = validatePayload(StartSyncRequest, payload);
    return this.sync.start(request.mode ?? 'incremental', 'api');
  }

  @MessagePattern(SUBJECTS.ingestion.syncStatus)
  async status(): Promise<SyncStatusView> {
    return this.sync.status();
  }

  @MessagePattern(SUBJECTS.ingestion.mappingCheck)
  async checkMapping(): Promise<{ problems: MappingProblem[] }> {
    return { problems: await this.sync.checkMapping() };
  }
}
