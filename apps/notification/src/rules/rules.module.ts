import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { RulesHandler } from './rules.handler';
import { RulesService } from './rules.service';

/** The alert rules' RPC; rule changes that end alerts go through the alerts' lifecycle. */
@Module({
  imports: [AlertsModule],
  controllers: [RulesHandler],
  providers: [RulesService],
})
export class RulesModule {}
