import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys, oauthConsent } from "@/db/schema";
import { log } from "@/lib/log";

export const LAST_USED_FLUSH_MS = 5000;

/**
 * "Last used" of keys and grants, off the request path: a request only notes the id; every
 * few seconds one UPDATE per table writes them all (forward-only). Never awaited by a request;
 * `flush` on shutdown writes what is pending.
 */
export class LastUsedWriter {
  private keys = new Set<string>();
  private grants = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly everyMs = LAST_USED_FLUSH_MS,
  ) {}

  touch(kind: "key" | "grant", id: string): void {
    (kind === "key" ? this.keys : this.grants).add(id);
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.everyMs);
      this.timer.unref();
    }
  }

  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const keys = [...this.keys];
    const grants = [...this.grants];
    this.keys.clear();
    this.grants.clear();
    this.flushing = this.flushing.then(() => this.write(keys, grants));
    return this.flushing;
  }

  private async write(keys: string[], grants: string[]): Promise<void> {
    try {
      if (keys.length) {
        await this.db.update(apiKeys).set({ lastUsedAt: sql`greatest(${apiKeys.lastUsedAt}, now())` }).where(inArray(apiKeys.id, keys));
      }
      if (grants.length) {
        await this.db
          .update(oauthConsent)
          .set({ lastUsedAt: sql`greatest(${oauthConsent.lastUsedAt}, now())` })
          .where(inArray(oauthConsent.id, grants));
      }
    } catch (err) {
      log.warn("could not record when credentials were last used", { err, keys: keys.length, grants: grants.length });
    }
  }
}
