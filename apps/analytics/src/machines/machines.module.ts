import { Module } from '@nestjs/common';
import { ReadModelRepositoriesModule } from '../read-model/read-model-repositories.module';
import { MachinesHandler } from './machines.handler';
import { MachinesService } from './machines.service';

@Module({
  imports: [ReadModelRepositoriesModule],
  controllers: [MachinesHandler],
  providers: [MachinesService],
  exports: [MachinesService],
})
export class MachinesModule {}
