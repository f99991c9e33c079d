# Sourced by .ci/run (and usable by hand): starts a throwaway PostgreSQL cluster and a Redis
# server on loopback, exports the URLs the test suite reads, and defines stop_services.
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PG_DIR=$(mktemp -d /tmp/pixola-pg.XXXXXX)
PG_PORT=${PG_PORT:-55432}
REDIS_PORT=${REDIS_PORT:-56379}
chown postgres "$PG_DIR"
su postgres -c "$PG_BIN/initdb -D $PG_DIR/data -U postgres --auth=trust -E UTF8 > $PG_DIR/initdb.log"
su postgres -c "$PG_BIN/pg_ctl -D $PG_DIR/data -l $PG_DIR/server.log -o '-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off' -w start > /dev/null"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no --pidfile "$PG_DIR/redis.pid" > /dev/null

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
export TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
echo "services: PostgreSQL on 127.0.0.1:$PG_PORT, Redis on 127.0.0.1:$REDIS_PORT"

stop_services() {
  su postgres -c "$PG_BIN/pg_ctl -D $PG_DIR/data -m fast stop" > /dev/null 2>&1 || true
  redis-cli -p "$REDIS_PORT" shutdown nosave > /dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
