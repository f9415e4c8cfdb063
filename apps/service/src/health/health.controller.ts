import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { HealthReportDto, HealthUnavailableDto } from './health-responses.dto';
import { ReadinessIndicators } from './readiness-indicators';

/**
 * Probes for an orchestrator or a load balancer. Live: the process answers (restart it if
 * not). Ready: the store, the read models, the projections' lag and Kafka (when configured)
 * are fine (send it traffic). Both are public, like reads.
 */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: ReadinessIndicators,
  ) {}

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: HealthReportDto, description: '`{ status: "ok" }`' })
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: the store, the read models, the projections lag and Kafka (when configured)' })
  @ApiOkResponse({
    type: HealthReportDto,
    description: '`{ status: "ok", details: { eventStore, readModels, projections, quarantine, kafka } }`',
  })
  @ApiServiceUnavailableResponse({
    type: HealthUnavailableDto,
    description: 'Something is down, or a projection quarantined an event: `details` names it.',
  })
  ready() {
    const i = this.indicators;
    return this.health.check([() => i.eventStore(), () => i.readModels(), () => i.projections(), () => i.quarantine(), () => i.kafka()]);
  }
}
