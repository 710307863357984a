# syntax=docker/dockerfile:1
# Build: compile TypeScript with the dev dependencies.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY scripts ./scripts
COPY bench ./bench
COPY seeds ./seeds
# npm ci runs the prepare script, which is the build (tsc -p tsconfig.build.json -> dist/).
RUN npm ci --no-audit --no-fund && test -f dist/adapters/cli/nhsai.js

# Run: production dependencies only, as the unprivileged `node` user.
FROM node:24-slim
ENV NODE_ENV=production PORT=3000 DATA_DIR=/app/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY seeds ./seeds
# The answerer's synonym table, glossary and word lists, read at run time.
COPY lexicon ./lexicon
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/adapters/cli/nhsai.js", "serve"]
