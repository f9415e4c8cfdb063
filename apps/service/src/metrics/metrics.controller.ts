import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DatelineMetrics } from './dateline-metrics';

/** Prometheus scrapes this. Public like reads: it holds counts and lags, no content. */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: DatelineMetrics) {}

  @Get()
  @ApiOperation({ summary: 'Prometheus metrics: HTTP, appends, conflicts, projection and relay lag, rebuild progress' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text format 0.0.4.', content: { 'text/plain': { schema: { type: 'string' } } } })
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
