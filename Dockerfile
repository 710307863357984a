# syntax=docker/dockerfile:1
# The Node.js release line is the current LTS, pinned to one release so that a rebuild gets the
# same runtime; CI runs the store, CLI and server tests on this same release (.ci/run). To pin the
# image by digest too, replace the tag with `node:26.10.0-slim@sha256:<digest>` from your registry.
ARG NODE_IMAGE=node:26.10.0-slim

# Build: compile TypeScript with the dev dependencies.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY scripts ./scripts
COPY bench ./bench
COPY seeds ./seeds
# The build saves the seeds' analysis (dist/seed-library.bin), which reads the lexicon.
COPY lexicon ./lexicon
# npm ci runs the prepare script, which is the build (tsc -p tsconfig.build.json -> dist/).
RUN npm ci --no-audit --no-fund && test -f dist/adapters/cli/nhsai.js && test -f dist/seed-library.bin

# Run: production code and dependencies only, as the unprivileged `node` user (uid 1000).
FROM ${NODE_IMAGE}
# FEEDS=starter: brief on live public NHS and health-tech news from the first morning (see
# docs/deploy-feeds.md); set FEEDS= (empty) where egress is restricted.
ENV NODE_ENV=production PORT=3000 DATA_DIR=/app/data FEEDS=starter
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only, less what Node never loads: the browser build of Microsoft's
# authentication library (botbuilder's Azure identity dependency ships it; ~25 MB), the identity
# package's browser and workerd builds, source maps and type declarations (230 MB -> 118 MB).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force \
  && rm -rf node_modules/@azure/msal-browser node_modules/@azure/identity/dist/browser \
    node_modules/@azure/identity/dist/workerd \
  && find node_modules \( -name "*.map" -o -name "*.d.ts" -o -name "*.d.mts" -o -name "*.d.cts" \) -delete
# Only the service's own code: no benchmark, no developer scripts.
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist/adapters ./dist/adapters
COPY --from=build /app/dist/seed-library.bin ./dist/seed-library.bin
COPY seeds ./seeds
# The answerer's synonym table, glossary and word lists, read at run time.
COPY lexicon ./lexicon
RUN mkdir -p /app/data && chown node:node /app/data
# The embedded store. A bind mount must be writable by uid 1000 (chown 1000:1000 the host folder).
VOLUME /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/adapters/cli/nhsai.js", "serve"]
