import { Controller, Get, Header } from '@nestjs/common';
import { DatelineMetrics } from './dateline-metrics';

/** Prometheus scrapes this. Public like reads: it holds counts and lags, no content. */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: DatelineMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
