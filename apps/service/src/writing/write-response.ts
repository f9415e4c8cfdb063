import { WriteResult } from './write-context';

export interface WriteResponse {
  id: string;
  version: number;
  position: number;
  revision?: number;
}

/** Marks a response that repeats an earlier answer; not serialised (non-enumerable). */
export const REPLAYED = Symbol('replayed');

/** The 201 body: `{ id, version, position }`, plus `revision` for stories (docs/architecture.md section 3). */
export function writeResponse(result: WriteResult, aggregate: 'story' | 'diplomatic-event'): WriteResponse {
  const body: WriteResponse = { id: result.id, version: result.version, position: result.position };
  if (aggregate === 'story') body.revision = result.version;
  if (result.replayed) Object.defineProperty(body, REPLAYED, { value: true, enumerable: false });
  return body;
}
