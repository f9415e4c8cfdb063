# syntax=docker/dockerfile:1
# Dateline service image: build with the full toolchain, run on a slim image with production
# dependencies only, as an unprivileged user. Used by docker-compose.yml.
ARG NODE_VERSION=20.20

# --- build: dev dependencies, then `nest build` of the service and the CLI into dist/
FROM node:${NODE_VERSION}-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build

# --- prod-deps: node_modules without dev dependencies (no compiler, no test tools)
FROM node:${NODE_VERSION}-bookworm AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# --- runtime
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATELINE_DATA_DIR=/var/lib/dateline \
    DATELINE_LOG_FORMAT=json
WORKDIR /app
COPY --from=prod-deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
# The Istanbul sample data: for `node dist/apps/cli/src/main.js seed` inside the container, and
# loaded by a first start on an empty embedded store (no DATABASE_URL, no EVENTSTORE_URL).
COPY --chown=node:node data ./data
RUN mkdir -p /var/lib/dateline && chown node:node /var/lib/dateline
# The `node` user (uid 1000) of the official image: nothing runs as root.
USER node
# HOST=0.0.0.0 is the container's own interface; which host address publishes it is the
# runner's choice: docker-compose.yml publishes on 127.0.0.1, and so should `docker run -p
# 127.0.0.1:3000:3000` unless a proxy or a firewall stands in front.
EXPOSE 3000
VOLUME ["/var/lib/dateline"]
# Slim images have no curl: Node 20's fetch does the probe. /health/live answers 200 while the
# process serves HTTP.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/apps/service/src/main.js"]
