/**
 * The EventStoreDB adapter, on its own entry point (`@dateline/event-store/eventstoredb`): the
 * gRPC client it loads costs every process a few hundred ms at start, so only processes that
 * use EventStoreDB should pay for it.
 */
export * from './eventstoredb-event-store';
