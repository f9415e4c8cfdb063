import { expect } from '@jest/globals';

interface Decider<C, S, E> {
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  initialState: S;
}

export type ErrorClass = abstract new (...args: never[]) => Error;

/** Runs `run`, expects it to throw an `errorClass` whose message matches, and returns what it threw. */
export function expectThrown(run: () => unknown, errorClass: ErrorClass, message?: RegExp): unknown {
  let thrown: unknown;
  try {
    run();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(errorClass);
  if (message) expect((thrown as Error).message).toMatch(message);
  return thrown;
}

/** Given / when / then for a decider, after Emmett's DeciderSpecification. */
export const DeciderSpecification = {
  for<C, S, E>(decider: Decider<C, S, E>) {
    return {
      given(events: E[]) {
        const state = events.reduce((s, e) => decider.evolve(s, e), decider.initialState);
        return {
          when(command: C) {
            const run = () => decider.decide(command, state);
            return {
              then(expected: E[]) {
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
  },
};
