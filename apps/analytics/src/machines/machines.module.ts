import { Module } from '@nestjs/common';
import { MachineRepository } from '@shopfloor/analytics/data-access';
import { MachinesHandler } from './machines.handler';
import { MachinesService } from './machines.service';

@Module({
  controllers: [MachinesHandler],
  providers: [MachinesService, MachineRepository],
  exports: [MachinesService],
})
export class MachinesModule {}
