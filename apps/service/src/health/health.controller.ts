import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { ReadinessIndicators } from './readiness-indicators';

/**
 * Probes for an orchestrator or a load balancer. Live: the process answers (restart it if
 * not). Ready: the store, the read models, the projections' lag and Kafka (when configured)
 * are fine (send it traffic). Both are public, like reads.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: ReadinessIndicators,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    const i = this.indicators;
    return this.health.check([() => i.eventStore(), () => i.readModels(), () => i.projections(), () => i.kafka()]);
  }
}
