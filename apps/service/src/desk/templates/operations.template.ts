import { html, SafeHtml } from '../../reader-page/html';
import type { RebuildJob } from '../../admin/rebuild-jobs';
import type { DeskReads } from '../desk-reads';
import { deskLayout, type DeskPage } from './desk-layout.template';
import { csrfField, field } from './form-fields.template';

export interface OperationsView {
  readonly page: DeskPage;
  readonly csrf: string;
  readonly status: Awaited<ReturnType<DeskReads['operations']>>;
  readonly rebuild?: RebuildJob;
  readonly notice?: string;
  readonly problems?: Record<string, string[]>;
  readonly replay?: { from: string; to: string; toTopic: string };
}

const lag = (events: number, capped: boolean, seconds: number) =>
  events === 0 ? 'caught up' : `${events}${capped ? '+' : ''} events behind, oldest ${Math.round(seconds)} s old`;

/** The operations page for admins: lag of the projections and the relay, a rebuild with its progress, and a replay. */
export function renderOperations(v: OperationsView): SafeHtml {
  const s = v.status;
  const relay = s.relay;
  const job = v.rebuild;
  return deskLayout(
    { ...v.page, title: 'Operations', current: 'operations' },
    html`<h1>Operations</h1>
${v.notice ? html`<p class="notice" role="status" id="ops-notice">${v.notice}</p>` : ''}
<section aria-labelledby="lag-h"><h2 id="lag-h">Lag</h2>
<dl class="ops" id="lag">
<dt>Log head</dt><dd>position ${s.head}</dd>
<dt>Projections</dt><dd>position ${s.readModels.position}: ${lag(s.readModels.lag.events, s.readModels.lag.capped, s.readModels.lag.seconds)} (projector ${s.readModels.role}; ${s.readModels.projections.join(', ')})</dd>
<dt>Kafka relay</dt><dd>${relay.enabled ? `position ${relay.position}: ${lag(relay.lagEvents, relay.lagCapped, relay.lagSeconds)}` : `off: ${relay.reason}`}</dd>
</dl>
<p><a href="/desk/operations">Refresh</a></p></section>
<section aria-labelledby="rebuild-h"><h2 id="rebuild-h">Rebuild the read models</h2>
${
  job
    ? html`<p id="rebuild-progress" role="status">Rebuild of ${job.projections.join(', ')}: <strong>${job.state}</strong>, ${job.progress.processed} of ${job.progress.total} events${job.error ? ` (${job.error})` : ''}. <a href="/desk/operations?rebuild=${job.id}">Refresh progress</a></p>`
    : ''
}
<p>Readers keep reading the old tables until the new ones are complete.</p>
<form class="desk" method="post" action="/desk/operations/rebuild">${csrfField(v.csrf)}
<fieldset><legend>Projections</legend><div class="choices">${s.readModels.projections.map(
      (name) => html`<label><input type="checkbox" name="projections" value="${name}" checked> ${name}</label>`,
    )}</div></fieldset>
${v.problems?.rebuild?.length ? html`<p class="problem" id="rebuild-problem">${v.problems.rebuild.join('; ')}</p>` : ''}
<div class="actions"><button type="submit">Start rebuild</button></div></form></section>
<section aria-labelledby="replay-h"><h2 id="replay-h">Replay to another topic</h2>
<form class="desk" method="post" action="/desk/operations/replay">${csrfField(v.csrf)}
${field({ name: 'from', label: 'From position', value: v.replay?.from ?? '0', required: true, problems: v.problems })}
${field({ name: 'to', label: 'To position', value: v.replay?.to ?? '', hint: 'Empty: up to the head of the log.', problems: v.problems })}
${field({ name: 'toTopic', label: 'Topic', value: v.replay?.toTopic ?? '', required: true, hint: 'Not one of the relay’s own topics.', problems: v.problems })}
<div class="actions"><button type="submit">Replay</button></div></form></section>`,
  );
}
