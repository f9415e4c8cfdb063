import { ApiClient } from '../api-client';

export interface ReplayResult {
  readonly toTopic: string;
  readonly published: number;
  readonly firstPosition: number | null;
  readonly lastPosition: number | null;
}

/**
 * Asks the running service to republish log positions from..to to another topic. It goes
 * through the service (admin role) because with the embedded default only the service may
 * open the log.
 */
export function replay(api: ApiClient, request: { from: number; to?: number; toTopic: string }): Promise<ReplayResult> {
  return api.post<ReplayResult>('/admin/replay', request, undefined, 'admin');
}
