import { PROJECTED_EVENT_CLASSES } from '../projected-event';
import { Projection } from '../projection';

/** The metadata key `@EventsHandler` writes (@nestjs/cqrs does not export its constants). */
const EVENTS_HANDLER_METADATA = '__eventsHandler__';

/** The event types a projection handles, read from its `@EventsHandler` metadata. */
export function handledTypes(projection: Projection): Set<string> {
  const classes = (Reflect.getMetadata(EVENTS_HANDLER_METADATA, projection.constructor) ?? []) as unknown[];
  const types = Object.entries(PROJECTED_EVENT_CLASSES)
    .filter(([, Class]) => classes.includes(Class))
    .map(([type]) => type);
  if (types.length === 0) throw new Error(`${projection.constructor.name} is not an @EventsHandler of any projected event`);
  return new Set(types);
}

export function isProjection(instance: unknown): instance is Projection {
  return (
    typeof instance === 'object' &&
    instance !== null &&
    Reflect.hasMetadata(EVENTS_HANDLER_METADATA, instance.constructor) &&
    typeof (instance as Projection).flush === 'function' &&
    typeof (instance as Projection).schema === 'function'
  );
}
