import { expect } from '@jest/globals';

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
          thenThrows(errorClass: abstract new (...args: never[]) => Error, message?: RegExp) {
            let thrown: unknown;
            try {
              run();
            } catch (err) {
              thrown = err;
            }
            expect(thrown).toBeInstanceOf(errorClass);
            if (message) expect((thrown as Error).message).toMatch(message);
            return thrown;
          },
        };
      },
    };
  },
};
