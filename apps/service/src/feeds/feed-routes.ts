/** The feeds' routes, as Fastify names them: the caching hooks list them with the other public reads. */
export const FEED_ROUTES: readonly string[] = [
  '/feeds/timeline.atom',
  '/feeds/timeline.json',
  '/stories/:id/feed.atom',
  '/stories/:id/feed.json',
];
