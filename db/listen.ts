/** Notifications on one channel, with the connection's state: see DbHandle.listen. */
export interface ListenHandlers {
  notify(payload: string): void;
  /** Listening (first time, or again after a loss: notifications in between were missed). */
  up(): void;
  /** Not listening any more; notifications are being missed until `up`. */
  down(): void;
}

/** How long a lost notification connection waits before connecting again. */
export const LISTEN_RETRY_MS = 2000;

/**
 * LISTEN on a PostgreSQL connection of its own (application_name `appName`, so an operator —
 * or a test — can find it in pg_stat_activity). postgres.js's own `listen` reconnects
 * silently, and a loss must be known: here a closed connection calls `down` at once and
 * connects again after `retryMs`, calling `up` when listening again.
 */
export async function listenPostgres(
  url: string,
  channel: string,
  h: ListenHandlers,
  opts: { appName: string; retryMs?: number },
): Promise<() => Promise<void>> {
  const { default: postgres } = await import("postgres");
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  // `onnotify` is how postgres.js's own listen receives notifications; its types leave it out.
  const onnotify = (c: string, payload: string) => c === channel && h.notify(payload);
  const sql = postgres(url, {
    max: 1,
    idle_timeout: 0,
    max_lifetime: 0,
    fetch_types: false,
    onnotice: () => {},
    connection: { application_name: opts.appName },
    onclose: () => lost(),
    ...({ onnotify } as object),
  });
  function lost() {
    h.down();
    if (stopped || retry) return;
    retry = setTimeout(connect, opts.retryMs ?? LISTEN_RETRY_MS);
    retry.unref();
  }
  async function connect() {
    retry = undefined;
    try {
      await sql.unsafe(`LISTEN "${channel.replace(/"/g, '""')}"`);
      if (!stopped) h.up();
    } catch {
      if (!stopped) lost();
    }
  }
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await sql.end({ timeout: 1 });
  };
}
