# Samskap as a container (issue #18). Two stages: the build stage installs everything, compiles the
# server and the client and drops the development dependencies; the run stage carries only
# dist/, the production node_modules (with the SQLite module compiled in the build stage) and
# package.json, runs as the unprivileged `node` user, and keeps its data in the /data volume.
# The same sequence runs in CI without Docker: tests/production-start.test.ts.
#   docker build -t samskap --build-arg SAMSKAP_COMMIT=$(git rev-parse HEAD) .
#   docker run -p 3000:3000 -v samskap-data:/data samskap

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json vite.config.ts ./
COPY scripts/prestart.mjs scripts/backup-sqlite.mjs ./scripts/
COPY shared ./shared
COPY server ./server
COPY client ./client
COPY LICENSE README.md CHANGELOG.md ./
# The image's own source goes with it (AGPL §13): GET /source serves dist/source.tar.gz unless
# SOURCE_URL points elsewhere.
RUN npm run build \
 && tar -czf dist/source.tar.gz --transform 's,^,samskap/,' package.json package-lock.json LICENSE README.md CHANGELOG.md \
      tsconfig.json tsconfig.build.json vite.config.ts scripts shared server client \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ARG SAMSKAP_COMMIT=""
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    SAMSKAP_COMMIT=$SAMSKAP_COMMIT
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# docker exec <container> node scripts/backup-sqlite.mjs /data/backups/<name>  (README, "Backing up")
COPY --from=build /app/scripts/backup-sqlite.mjs ./scripts/backup-sqlite.mjs
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--max-semi-space-size=4", "--heap-growing-percent=30", "dist/app/server/main.js"]
