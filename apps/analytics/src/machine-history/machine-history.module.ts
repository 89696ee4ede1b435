import { Module } from '@nestjs/common';
import { ReadModelRepositoriesModule } from '../read-model/read-model-repositories.module';
import { MachineHistoryHandler } from './machine-history.handler';
import { MachineHistoryService } from './machine-history.service';

@Module({
  imports: [ReadModelRepositoriesModule],
  controllers: [MachineHistoryHandler],
  providers: [MachineHistoryService],
})
export class MachineHistoryModule {}
