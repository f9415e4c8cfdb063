import { describe, expect, it } from '@jest/globals';
import { SqlQueryable } from '@dateline/event-store';
import { blameDatabase, isAfterAbort, isEventFault, StaleStaging } from './event-fault';

/** A database whose every query fails with `err`: what the classification sees from pg or PGlite. */
const failingWith = (err: Error): SqlQueryable => ({ query: () => Promise.reject(err) });
const raisedByQuery = async (err: Error): Promise<unknown> =>
  blameDatabase(failingWith(err))
    .query('SELECT 1')
    .catch((e: unknown) => e);
const dbError = (code: string | undefined, message = 'failed') => Object.assign(new Error(message), code === undefined ? {} : { code });

describe('which failures quarantine an event (ADR 0008)', () => {
  it("an error thrown by projection code is the event's fault", () => {
    expect(isEventFault(new Error('timeline: no open entry for diplomatic event 1'))).toBe(true);
    expect(isEventFault(new TypeError("Cannot read properties of undefined (reading 'map')"))).toBe(true);
  });

  it.each([
    ['22008', 'date/time field value out of range: "0000-01-01"'],
    ['22P02', 'invalid input syntax for type uuid'],
    ['23514', 'new row violates check constraint'],
    ['23505', 'duplicate key value violates unique constraint'],
    ['54000', 'index row requires 9000 bytes, maximum size is 8191'],
  ])("a query failing with SQLSTATE %s (%s) is the event's fault", async (code, message) => {
    expect(isEventFault(await raisedByQuery(dbError(code, message)))).toBe(true);
  });

  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['08006', 'connection failure'],
    ['53300', 'too many connections'],
    ['40001', 'could not serialize access'],
    ['42P01', 'relation "timeline_entries" does not exist'],
    ['25P02', 'current transaction is aborted'],
    ['XX000', 'internal error'],
  ])('a query failing with SQLSTATE %s (%s) is not: the batch is retried', async (code, message) => {
    expect(isEventFault(await raisedByQuery(dbError(code, message)))).toBe(false);
  });

  it('a query failing without a SQLSTATE (connection lost, socket errors) is not', async () => {
    expect(isEventFault(await raisedByQuery(new Error('Connection terminated unexpectedly')))).toBe(false);
    // EPIPE has the shape of a SQLSTATE; its errno and syscall tell it apart.
    expect(
      isEventFault(await raisedByQuery(Object.assign(new Error('write EPIPE'), { code: 'EPIPE', errno: -32, syscall: 'write' }))),
    ).toBe(false);
    expect(isEventFault(await raisedByQuery(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })))).toBe(false);
  });

  it('a batch staged before an earlier one quarantined events goes event by event', () => {
    expect(isEventFault(new StaleStaging())).toBe(true);
  });

  it('a statement that failed only because the transaction had failed is never the cause', () => {
    expect(isAfterAbort(dbError('25P02'))).toBe(true);
    expect(isAfterAbort(dbError('22008'))).toBe(false);
  });
});
