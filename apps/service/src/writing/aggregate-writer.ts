import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DatelineEvent, editorialTime, editorialTimeProblems, EVENT_CATALOGUE, InvalidInput, parseStream, upcast } from '@dateline/domain';
import type { EventStore, RecordedEvent } from '@dateline/event-store';
import { APPEND_OUTCOME_OF_KIND, errorKind } from '../errors/error-kinds';
import { AppendOutcome, DatelineMetrics } from '../metrics/dateline-metrics';
import { EVENT_STORE } from '../storage/storage.tokens';
import { WriteContext, WriteResult } from './write-context';

/**
 * `newStream`: the stream's id was made by this request (a fresh random UUID), so nothing can be
 * in it yet. The decision is then made on the initial state without reading the stream, which
 * saves a round trip per create; the append still expects `no_stream`, so were the id ever
 * taken, the write would be refused rather than lose anything.
 */
export interface ExecuteOptions<S = unknown, E = unknown> {
  readonly newStream?: boolean;
  /** Unique names the stream takes with the append (`AppendOptions.claims`), e.g. a story's slug. */
  readonly claims?: readonly string[];
  /**
   * Runs once an idempotent replay is ruled out, before deciding: a check of the request
   * against other aggregates, which a replay must not repeat (its first answer stands).
   */
  readonly check?: () => Promise<void>;
  /**
   * Runs after deciding, before the append, with the state the events lead to: a check of the
   * result against other aggregates (a fact's relations against its stories' facts).
   */
  readonly verify?: (next: S, events: readonly E[]) => Promise<void>;
  /**
   * The stream's editorial time never goes backwards (a story's revisions, docs/dates.md): a
   * new event's `publishedAt` must not be before the editorial time of the stream's last event.
   */
  readonly editorialOrder?: boolean;
}

export interface Decider<C, S, E extends DatelineEvent> {
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  readonly initialState: S;
}

/**
 * Load, decide, append: the one way commands change the log. The append expects the version
 * the decision was made on, so a concurrent write turns into a 409, never a lost update.
 */
@Injectable()
export class AggregateWriter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly metrics: DatelineMetrics,
  ) {}

  async execute<C, S, E extends DatelineEvent>(
    stream: string,
    decider: Decider<C, S, E>,
    command: C,
    ctx: WriteContext,
    options: ExecuteOptions<S, E> = {},
  ): Promise<WriteResult> {
    const timer = this.metrics.appendDuration.startTimer();
    let outcome: AppendOutcome = 'error';
    try {
      const result = await this.write(stream, decider, command, ctx, options);
      outcome = 'ok';
      return result;
    } catch (err) {
      const kind = errorKind(err);
      outcome = kind ? APPEND_OUTCOME_OF_KIND[kind] : 'error';
      if (outcome === 'conflict') this.metrics.appendConflicts.inc();
      throw err;
    } finally {
      timer({ outcome });
    }
  }

  private async write<C, S, E extends DatelineEvent>(
    stream: string,
    decider: Decider<C, S, E>,
    command: C,
    ctx: WriteContext,
    options: ExecuteOptions<S, E>,
  ): Promise<WriteResult> {
    if (ctx.idempotencyKey) {
      // The first answer again, without deciding again: the state may have moved on since.
      const prior = await this.store.findIdempotent(ctx.idempotencyKey, ctx.fingerprint ?? '');
      if (prior) return toResult(prior);
    }
    await options.check?.();
    const history = options.newStream ? [] : await this.store.readStream(stream);
    const state = history.reduce((s, r) => decider.evolve(s, upcast(r.type, r.schemaVersion, r.data) as E), decider.initialState);
    const events = decider.decide(command, state);
    const recordedAt = new Date().toISOString();
    checkEditorialTimes(events, recordedAt, options.editorialOrder ? history[history.length - 1] : undefined);
    await options.verify?.(
      events.reduce((s, e) => decider.evolve(s, e), state),
      events,
    );
    const appended = await this.store.append(
      stream,
      events.map((e) => ({
        id: randomUUID(),
        type: e.type,
        schemaVersion: EVENT_CATALOGUE[e.type].version,
        data: e.data,
        metadata: {
          editor: ctx.principal.name,
          correlationId: ctx.correlationId,
          causationId: ctx.correlationId,
          ...(ctx.idempotencyKey ? { idempotencyKey: ctx.idempotencyKey } : {}),
          recordedAt,
        },
      })),
      history.length === 0 ? 'no_stream' : history[history.length - 1].streamVersion,
      {
        ...(ctx.idempotencyKey ? { idempotencyKey: ctx.idempotencyKey, fingerprint: ctx.fingerprint } : {}),
        ...(options.claims ? { claims: options.claims } : {}),
      },
    );
    return toResult(appended);
  }
}

/**
 * Editorial time (publishedAt) against this write's recorded time, and, with `last`, against the
 * editorial time of the stream's last event: each broken rule a 400 naming it.
 */
function checkEditorialTimes(events: readonly DatelineEvent[], recordedAt: string, last: RecordedEvent | undefined): void {
  const previous = last ? editorialTime(last.data as { publishedAt?: string }, String(last.metadata.recordedAt)) : undefined;
  const problems = events.flatMap((e) => editorialTimeProblems((e.data as { publishedAt?: string }).publishedAt, recordedAt, previous));
  if (problems.length > 0) throw new InvalidInput(problems);
}

function toResult(r: { streamId: string; version: number; position: number; replayed: boolean }): WriteResult {
  return { id: parseStream(r.streamId)?.id ?? r.streamId, version: r.version, position: r.position, replayed: r.replayed };
}
