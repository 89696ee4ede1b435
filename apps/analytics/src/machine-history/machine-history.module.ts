import { Module } from '@nestjs/common';
import { ReadModelModule } from '../read-model/read-model.module';
import { MachineHistoryHandler } from './machine-history.handler';
import { MachineHistoryService } from './machine-history.service';

@Module({
  imports: [ReadModelModule],
  controllers: [MachineHistoryHandler],
  providers: [MachineHistoryService],
})
export class MachineHistoryModule {}
