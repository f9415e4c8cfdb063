import type { DatelineEvent, DatelineEventType, EventOfType } from './dateline-event';

/**
 * One handler per event type a reader handles. The types it ignores are named on purpose, and
 * every other type must have a handler: when a type joins the union, each reader's map stops
 * compiling until the new type is handled or ignored there (docs/architecture.md section 4).
 */
export type EventHandlers<C, R, Ignored extends DatelineEventType> = {
  readonly [T in Exclude<DatelineEventType, Ignored>]: (event: EventOfType<T>, context: C) => R;
};

export interface EventRouting<C, R, Ignored extends DatelineEventType> {
  /** The types this reader has nothing to do with. */
  readonly ignore: readonly Ignored[];
  readonly handle: EventHandlers<C, R, Ignored>;
}

export interface EventRoutes<C, R> {
  readonly handled: ReadonlySet<DatelineEventType>;
  readonly ignored: ReadonlySet<DatelineEventType>;
  /** Calls the event's handler; `undefined` for an ignored type. */
  route(event: DatelineEvent, context: C): R | undefined;
}

/**
 * Builds a reader's routes, checked twice: by the compiler (above) and here, for what the
 * compiler lets through (a type both handled and ignored, or ignored twice).
 *
 * Curried so that the context and result types are written once and the ignore list is still
 * inferred as a union of literals: `eventRoutes<BatchContext, void>()({ ignore: [...], handle: {...} })`.
 */
export function eventRoutes<C, R = void>() {
  return <const Ignored extends DatelineEventType>(routing: EventRouting<C, R, Ignored>): EventRoutes<C, R> => {
    const ignored = new Set<DatelineEventType>(routing.ignore);
    if (ignored.size !== routing.ignore.length) throw new Error(`an event type is ignored twice: ${routing.ignore.join(', ')}`);
    const handlers = routing.handle as Partial<Record<DatelineEventType, (event: DatelineEvent, context: C) => R>>;
    const handled = new Set(Object.keys(handlers) as DatelineEventType[]);
    const both = [...handled].filter((type) => ignored.has(type));
    if (both.length > 0) throw new Error(`handled and ignored at once: ${both.join(', ')}`);
    return {
      handled,
      ignored,
      route(event, context) {
        const handler = handlers[event.type];
        if (handler) return handler(event, context);
        if (ignored.has(event.type)) return undefined;
        throw new Error(`no handler for event type ${event.type}`);
      },
    };
  };
}
