import { expect } from '@jest/globals';
import { ErrorClass, expectThrown } from './decider-specification';

/**
 * Given / when / then for pure functions over a story's facts (placement, ordering, relation
 * checks), in the manner of DeciderSpecification: given the facts, when a reader or the write
 * side asks something of them, then this answer, or this domain error.
 */
export const FactsSpecification = {
  given<F>(facts: readonly F[]) {
    return {
      when<R>(ask: (facts: readonly F[]) => R) {
        const run = () => ask(facts);
        return {
          then(expected: R) {
            expect(run()).toEqual(expected);
          },
          thenThrows(errorClass: ErrorClass, message?: RegExp) {
            return expectThrown(run, errorClass, message);
          },
        };
      },
    };
  },
};
