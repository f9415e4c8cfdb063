/** The read models' projections, one live instance each (`readonly Projection[]`): the module provides PROJECTION_CLASSES. */
export const PROJECTIONS = Symbol('PROJECTIONS');

export const PROJECTIONS_OPTIONS = Symbol('PROJECTIONS_OPTIONS');

export interface ProjectionsOptions {
  /** Run the projector in this process (role `projector`) when it holds the lease. Otherwise only read. */
  readonly runProjector: boolean;
  /** How often a standby instance tries to take over, ms. */
  readonly leaderRetryMs?: number;
}
