import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { LiveAuthService } from './live-auth.service';
import { LiveEventsHandler } from './live-events.handler';
import { LiveSocketGateway } from './live-socket.gateway';
import { LiveSocketMetrics } from './live-socket.metrics';
import { DEFAULT_LIVE_SOCKET_OPTIONS, LIVE_SOCKET_OPTIONS } from './live-socket.options';

/** WebSocket live fan-out: `/ws/machine-status`, `/ws/alerts` and `/ws/predictions`, fed by the live and ml.prediction subjects. */
@Module({
  imports: [AuthModule],
  providers: [
    { provide: LIVE_SOCKET_OPTIONS, useValue: DEFAULT_LIVE_SOCKET_OPTIONS },
    LiveAuthService,
    LiveSocketMetrics,
    LiveSocketGateway,
    LiveEventsHandler,
  ],
})
export class LiveModule {}
