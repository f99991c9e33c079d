import { createHash } from "node:crypto";
import type { Requester, UpstashRequest, UpstashResponse } from "@upstash/redis";
import type { createClient } from "redis";
import { log } from "@/lib/log";

// Every @upstash/ratelimit 2.x script starts with `#!lua flags=allow-key-locking`, a flag
// only Upstash's own Redis knows; Redis 7.0 refuses the script ("Unexpected flag in script
// shebang"). Without a shebang line the script runs the same on any Redis ≥ 6.
const SHEBANG = /^#!lua[^\n]*\n/;
const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");

type RedisClient = ReturnType<typeof createClient>;
type Reply = UpstashResponse<unknown>;

/**
 * Lets @upstash/redis (and so @upstash/ratelimit) talk to any Redis over node-redis, by
 * answering Upstash's REST request shapes: one command, `pipeline` or `multi-exec`.
 */
export function redisRequester(client: RedisClient, commandTimeoutMs: number): Requester {
  // Ratelimit sends EVALSHA with the hash of the script as published, and EVAL on NOSCRIPT.
  // The stripped script has another hash, so remember it: after the first EVAL each check
  // is one EVALSHA round trip instead of a failing EVALSHA plus an EVAL.
  const strippedSha = new Map<string, string>();
  const argv = (cmd: unknown[]): string[] => {
    const a = cmd.map(String);
    const name = a[0]?.toLowerCase();
    if (name === "eval" || name === "eval_ro") {
      const stripped = a[1].replace(SHEBANG, "");
      if (stripped !== a[1]) strippedSha.set(sha1(a[1]), sha1(stripped));
      a[1] = stripped;
    } else if (name === "evalsha" || name === "evalsha_ro") {
      a[1] = strippedSha.get(a[1]) ?? a[1];
    }
    return a;
  };
  // @upstash/redis throws on `result: undefined`, so nil must come back as null.
  const one = (cmd: unknown[]): Promise<Reply> =>
    client.sendCommand(argv(cmd), { timeout: commandTimeoutMs }).then(
      (r) => ({ result: r ?? null }),
      (e: Error) => ({ error: e.message }),
    );

  return {
    async request<T>(req: UpstashRequest): Promise<UpstashResponse<T>> {
      const kind = req.path?.[0];
      if (kind === "pipeline") return (await Promise.all((req.body as unknown[][]).map(one))) as never;
      if (kind === "multi-exec") {
        const tx = client.multi();
        for (const cmd of req.body as unknown[][]) tx.addCommand(argv(cmd));
        const replies = await tx.exec();
        return replies.map((r) => (r instanceof Error ? { error: r.message } : { result: r ?? null })) as never;
      }
      return (await one(req.body as unknown[])) as UpstashResponse<T>;
    },
  };
}

/**
 * A node-redis client for the limiter. Commands fail at once while disconnected (no offline
 * queue), so "Redis is down" fails open immediately instead of waiting for the deadline;
 * the client keeps reconnecting in the background.
 */
export async function openRedisClient(url: string, readyTimeoutMs: number): Promise<RedisClient> {
  // Loaded only when a Redis is configured: node-redis is ~650 modules, and loading them made
  // every server start on Node 24 about 0.45 s slower, Redis or not.
  const { createClient } = await import("redis");
  const client = createClient({
    url,
    disableOfflineQueue: true,
    // A hung Redis holds written commands until it answers; past this many, new ones fail
    // (and fail open) at once instead of piling up in memory.
    commandsQueueMaxLength: 1000,
    socket: { connectTimeout: readyTimeoutMs, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) },
  });
  let lastLog = 0;
  client.on("error", (err: Error) => {
    if (Date.now() - lastLog < 10_000) return;
    lastLog = Date.now();
    log.warn("rate limiter: Redis unavailable, retrying in the background", { err });
  });
  const connected = client.connect().catch(() => undefined);
  // Start serving even if Redis is down at boot: the limiter fails open until it is back.
  // A refused connection ends the wait at once; a silent one ends it at the deadline.
  const refused = new Promise((r) => client.once("error", r));
  await Promise.race([connected, refused, new Promise((r) => setTimeout(r, readyTimeoutMs).unref())]);
  return client as RedisClient;
}
