import { describe, expect, it } from '@jest/globals';
import { AggregateNotFound, CommandRejected, InvalidInput, SlugTaken, StaleVersion } from '@dateline/domain';
import { ClaimTaken, IdempotencyKeyReused, StoreUnavailable, WrongExpectedVersion } from '@dateline/event-store';
import { QuarantineConflict, QuarantineNotFound } from '@dateline/projections';
import { APPEND_OUTCOME_OF_KIND, errorKind, HTTP_STATUS_OF_KIND } from './error-kinds';

const report = (err: unknown) => {
  const kind = errorKind(err);
  return kind && { kind, status: HTTP_STATUS_OF_KIND[kind], outcome: APPEND_OUTCOME_OF_KIND[kind] };
};

describe('error kinds: one classification for the HTTP status and the append metric', () => {
  it.each([
    ['InvalidInput', new InvalidInput(['title: required']), { kind: 'invalid', status: 400, outcome: 'rejected' }],
    ['AggregateNotFound', new AggregateNotFound('story', 's1'), { kind: 'not-found', status: 404, outcome: 'rejected' }],
    ['StaleVersion', new StaleVersion(1, 2, 'story'), { kind: 'conflict', status: 409, outcome: 'conflict' }],
    ['SlugTaken', new SlugTaken('a-slug', 's1'), { kind: 'conflict', status: 409, outcome: 'conflict' }],
    ['CommandRejected', new CommandRejected('retracted', 3), { kind: 'rejected', status: 409, outcome: 'conflict' }],
    ['WrongExpectedVersion', new WrongExpectedVersion('story-s1', 1, 2), { kind: 'conflict', status: 409, outcome: 'conflict' }],
    ['ClaimTaken', new ClaimTaken('story-slug:a', 'story-s1'), { kind: 'conflict', status: 409, outcome: 'conflict' }],
    ['IdempotencyKeyReused', new IdempotencyKeyReused('k1'), { kind: 'unprocessable', status: 422, outcome: 'rejected' }],
    ['StoreUnavailable', new StoreUnavailable(new Error('ECONNREFUSED')), { kind: 'unavailable', status: 503, outcome: 'error' }],
    ['QuarantineNotFound', new QuarantineNotFound('none there'), { kind: 'not-found', status: 404, outcome: 'rejected' }],
    ['QuarantineConflict', new QuarantineConflict('still fails'), { kind: 'conflict', status: 409, outcome: 'conflict' }],
  ])('%s', (_name, err, expected) => {
    expect(report(err)).toEqual(expected);
  });

  it('gives no kind to anything else: a bug, answered 500 and logged, counted as an error', () => {
    expect(errorKind(new TypeError('x is undefined'))).toBeUndefined();
    expect(errorKind('a string')).toBeUndefined();
  });
});
