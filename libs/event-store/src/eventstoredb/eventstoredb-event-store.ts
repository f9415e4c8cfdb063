import { BACKWARDS, END, EventStoreDBClient, excludeSystemEvents, FORWARDS, START } from '@eventstore/db-client';
import type {
  AllStreamResolvedEvent,
  AppendExpectedRevision,
  Position as EsdbPosition,
  EventData,
  ReadPosition,
  RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import { defaultFingerprint } from '../default-fingerprint';
import {
  AppendOptions,
  AppendResult,
  Backlog,
  EventStore,
  ExpectedVersion,
  NewEvent,
  Position,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { SqlClient } from '../sql/sql-client';
import { deterministicEventId } from './deterministic-event-id';
import { fromEsdbError, isStreamNotFound } from './esdb-errors';
import { commitToPortPosition, comparePositions, toPortPosition, toReadPosition } from './esdb-position';
import { isSystemEventType, toEventData, toRecordedEvent } from './esdb-record';
import { firstRevisionAfter, revisionAfterVersion, toExpectedRevision, versionOfRevision } from './expected-revision';
import { followSubscription } from './follow-subscription';
import { IdempotencyKeys, Landed } from './idempotency-keys';
import { appendOnce, EsdbAppendTarget, findOutcome } from './idempotent-append';
import { StreamClaims } from './stream-claims';
import { WrongExpectedVersion } from '../errors';

/** The ESDB client calls the adapter makes (the real client has them all). */
export type EsdbClient = Pick<EventStoreDBClient, 'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'>;

/** `$all` is read in pages of this many records when the caller's limit does not bound it. */
const SCAN_PAGE = 1000;

/**
 * The event store on EventStoreDB 20+ / KurrentDB, through `@eventstore/db-client` (gRPC).
 * Events live in ESDB; idempotency keys in the read-model database (`sql`), see
 * docs/adr/0003-eventstoredb-adapter.md for that and for the position encoding.
 */
export class EventStoreDbEventStore implements EventStore {
  constructor(
    private readonly client: EsdbClient,
    private readonly keys: IdempotencyKeys,
    /** Where `AppendOptions.claims` are kept; without it, appends with claims are refused. */
    private readonly claims?: StreamClaims,
  ) {}

  /** `url`: an ESDB connection string, e.g. `esdb://localhost:2113?tls=false`. */
  static async create(url: string, sql: SqlClient): Promise<EventStoreDbEventStore> {
    const keys = new IdempotencyKeys(sql);
    await keys.migrate();
    const claims = new StreamClaims(sql);
    await claims.migrate();
    // The client connects lazily: a server that is down shows up as StoreUnavailable on use.
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(url), keys, claims);
  }

  /**
   * With claims: a replay of the key answers first; otherwise the claims are taken, then the
   * append is made, and the claims are given back if it is known not to have landed (a
   * conflict). Any other failure may have landed, so they stay: an orphan if it did not
   * (StreamClaims says how one is taken over).
   */
  async append(stream: string, events: readonly NewEvent[], expected: ExpectedVersion, options: AppendOptions = {}): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    const wanted = options.claims ?? [];
    if (wanted.length === 0) return this.appendUnclaimed(stream, events, expected, options);
    if (!this.claims) throw new Error('this EventStoreDB store was made without a claims table');
    if (options.idempotencyKey !== undefined) {
      const prior = await this.findIdempotent(options.idempotencyKey, options.fingerprint ?? defaultFingerprint(stream, events));
      if (prior) return prior;
    }
    await this.claims.take(stream, wanted, async (holder) => (await this.readStream(holder)).length > 0);
    try {
      return await this.appendUnclaimed(stream, events, expected, options);
    } catch (err) {
      if (err instanceof WrongExpectedVersion) await this.claims.release(stream, wanted);
      throw err;
    }
  }

  async claimHolder(claim: string): Promise<string | undefined> {
    return this.claims?.holder(claim);
  }

  private async appendUnclaimed(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
    options: AppendOptions,
  ): Promise<AppendResult> {
    const key = options.idempotencyKey;
    if (key === undefined) {
      const data = events.map((e) => toEventData(e, e.id));
      const landed = await this.appendData(stream, data, toExpectedRevision(expected), expected);
      return { streamId: stream, ...landed, replayed: false };
    }
    // With a key, the events' ids come from the key, so that every attempt carries the same ids.
    const data = events.map((e, i) => toEventData(e, deterministicEventId(key, i)));
    const fingerprint = options.fingerprint ?? defaultFingerprint(stream, events);
    return appendOnce(this.keys, this.target(data, key), { stream, eventCount: events.length, expected, key, fingerprint });
  }

  findIdempotent(key: string, fingerprint: string): Promise<AppendResult | undefined> {
    return findOutcome(this.keys, this.target([], key), key, fingerprint);
  }

  async readStream(stream: string, afterVersion = 0): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(stream, {
        fromRevision: afterVersion === 0 ? START : firstRevisionAfter(afterVersion),
        direction: FORWARDS,
      });
      for await (const resolved of read) if (resolved.event) out.push(toRecordedEvent(resolved.event, streamEventPosition(resolved.event)));
    } catch (err) {
      if (isStreamNotFound(err)) return [];
      throw fromEsdbError(err);
    }
    return out;
  }

  async readAll(after: Position, limit: number): Promise<RecordedEvent[]> {
    if (limit <= 0) return [];
    const out: RecordedEvent[] = [];
    const start = toReadPosition(after);
    let from: ReadPosition = start;
    // A forward read includes the record at its start position: skip up to and including it.
    let floor: EsdbPosition | undefined = start === START ? undefined : start;
    // readAll of this client takes no server-side filter: system events are dropped here, and
    // pages repeat until `limit` events are found or the log ends.
    for (;;) {
      const page = Math.min(limit - out.length, SCAN_PAGE) + 1;
      const records = await this.readAllPage(from, page, FORWARDS);
      let last: EsdbRecordedEvent | undefined;
      for (const record of records) {
        if (floor && comparePositions(record.position!, floor) <= 0) continue;
        last = record;
        if (isSystemEventType(record.type)) continue;
        if (out.length < limit) out.push(toRecordedEvent(record, toPortPosition(record.position!)));
      }
      if (out.length >= limit || records.length < page || !last) return out;
      from = floor = last.position!;
    }
  }

  subscribe(after: Position, handler: (batch: RecordedEvent[]) => Promise<void>, options: SubscribeOptions = {}): Subscription {
    const start = toReadPosition(after);
    const floor = start === START ? undefined : start;
    const source = this.client.subscribeToAll({ fromPosition: start, filter: excludeSystemEvents(), resolveLinkTos: false });
    return followSubscription<AllStreamResolvedEvent>(source, handler, {
      batchSize: options.batchSize ?? 500,
      mapError: (err) => fromEsdbError(err),
      convert: (resolved) => {
        const record = resolved.event;
        if (!record || isSystemEventType(record.type)) return undefined;
        if (floor && comparePositions(record.position, floor) <= 0) return undefined;
        return toRecordedEvent(record, toPortPosition(record.position));
      },
    });
  }

  /** ESDB keeps no count of `$all`: this reads the whole log once (for progress bars only). */
  /** EventStoreDB counts nothing server-side: the events are read, up to the limit. */
  async backlog(after: Position, limit: number): Promise<Backlog> {
    const events = await this.readAll(after, limit);
    const first = events[0]?.metadata.recordedAt;
    return { events: events.length, ...(typeof first === 'string' ? { firstRecordedAt: first } : {}) };
  }

  async countEvents(): Promise<number> {
    let count = 0;
    try {
      for await (const resolved of this.client.readAll({ fromPosition: START, direction: FORWARDS, resolveLinkTos: false })) {
        if (resolved.event && !isSystemEventType(resolved.event.type)) count++;
      }
    } catch (err) {
      throw fromEsdbError(err);
    }
    return count;
  }

  async headPosition(): Promise<Position> {
    let from: ReadPosition = END;
    let ceiling: EsdbPosition | undefined;
    for (;;) {
      const records = await this.readAllPage(from, SCAN_PAGE, BACKWARDS);
      for (const record of records) {
        // Whether a backward read includes its start record differs between versions: skip it.
        if (ceiling && comparePositions(record.position!, ceiling) >= 0) continue;
        if (!isSystemEventType(record.type)) return toPortPosition(record.position!);
      }
      if (records.length < SCAN_PAGE) return 0;
      from = ceiling = records[records.length - 1].position!;
    }
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  /** Appends records at an expected revision; the port's version and positions of what landed. */
  private async appendData(
    stream: string,
    data: EventData[],
    revision: AppendExpectedRevision,
    expected: ExpectedVersion,
  ): Promise<Landed> {
    let result;
    try {
      result = await this.client.appendToStream(stream, data, { expectedRevision: revision });
    } catch (err) {
      throw fromEsdbError(err, stream, expected);
    }
    const version = versionOfRevision(result.nextExpectedRevision);
    return this.positionsOf(stream, version - data.length + 1, version, result.position?.commit);
  }

  /**
   * Positions of the events at versions `first..last`. An append answers the commit position
   * of its last event; the first one's, when there are several, is read back.
   */
  private async positionsOf(stream: string, first: number, last: number, lastCommit?: bigint): Promise<Landed> {
    const position = lastCommit !== undefined && lastCommit > 0n ? commitToPortPosition(lastCommit) : undefined;
    if (position !== undefined && first === last) return { version: last, firstPosition: position, position };
    const events = await this.readStream(stream, first - 1);
    const firstEvent = events[0];
    const lastEvent = events.find((e) => e.streamVersion === last);
    return { version: last, firstPosition: firstEvent?.position ?? position ?? 0, position: position ?? lastEvent?.position ?? 0 };
  }

  /** ESDB calls for `appendOnce`, for the events `data` appended under `key`. */
  private target(data: EventData[], key: string): EsdbAppendTarget {
    return {
      appendAt: async (stream, baseVersion) => {
        const landed = await this.appendData(stream, data, revisionAfterVersion(baseVersion), baseVersion);
        // An idempotent write answers with the events already there; their version is ours to say.
        return landed.version === baseVersion + data.length ? landed : this.positionsOf(stream, baseVersion + 1, baseVersion + data.length);
      },
      currentVersion: async (stream) => {
        try {
          for await (const resolved of this.client.readStream(stream, { fromRevision: END, direction: BACKWARDS, maxCount: 1 })) {
            if (resolved.event) return versionOfRevision(resolved.event.revision);
          }
          return 0;
        } catch (err) {
          if (isStreamNotFound(err)) return 0;
          throw fromEsdbError(err);
        }
      },
      findLanded: async (stream, baseVersion, eventCount) => {
        const events = (await this.readStream(stream, baseVersion)).slice(0, eventCount);
        const ours =
          events.length === eventCount &&
          events.every((e, i) => e.id === deterministicEventId(key, i) && e.streamVersion === baseVersion + i + 1);
        if (!ours) return undefined;
        return { version: baseVersion + eventCount, firstPosition: events[0].position, position: events[eventCount - 1].position };
      },
    };
  }

  private async readAllPage(
    from: ReadPosition,
    maxCount: number,
    direction: typeof FORWARDS | typeof BACKWARDS,
  ): Promise<EsdbRecordedEvent[]> {
    const records: EsdbRecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readAll({ fromPosition: from, maxCount, direction, resolveLinkTos: false })) {
        if (resolved.event) records.push(resolved.event);
      }
    } catch (err) {
      throw fromEsdbError(err);
    }
    return records;
  }
}

/** Stream reads carry positions from server 22.6 on; older servers say nothing (0: see ADR 0003). */
function streamEventPosition(record: EsdbRecordedEvent): Position {
  return record.position ? toPortPosition(record.position) : 0;
}
