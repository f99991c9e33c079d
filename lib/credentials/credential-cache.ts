import type { Scope } from "@/lib/context";

/** What a verified credential resolved to, kept under the SHA-256 of the credential. */
export type CachedCredential =
  | { kind: "key"; keyId: string; userId: string; scopes: Scope[] }
  | { kind: "grant"; grantId: string; clientId: string; userId: string; scopes: Scope[]; /** the token's exp, ms */ expiresAt: number };

/** What a change notification names: a key (`k:<id>`) or a grant (`g:<id>`). */
export type CredentialRef = { kind: "key" | "grant"; id: string };

export const DEFAULT_CREDENTIAL_CACHE_SIZE = 10_000;

const idOf = (c: CachedCredential) => (c.kind === "key" ? c.keyId : c.grantId);

/**
 * Verified credentials of this process, so a request needs no database round trip to know its
 * caller. Only successes are kept (an unknown key costs its query each time and takes no slot),
 * at most `max` of them, least recently used first out. Keyed by the credential's hash, never
 * the credential.
 *
 * Safe only while revocations reach it: `online` is set by the change listener
 * (lib/credentials/credential-listener.ts). While it is false — not yet listening, or the
 * notification connection lost — nothing is served or stored, and every request verifies
 * against the database; going online again starts from empty.
 *
 * A lookup that raced a revocation must not store what it read before the revocation:
 * `epoch()` is taken before the query and `set` drops the result when anything was evicted
 * since.
 */
export class CredentialCache {
  private readonly entries = new Map<string, CachedCredential>();
  private generation = 0;
  private isOnline = false;

  constructor(readonly max = DEFAULT_CREDENTIAL_CACHE_SIZE) {}

  get size(): number {
    return this.entries.size;
  }

  get online(): boolean {
    return this.isOnline;
  }

  /** The listener is listening (again): start from empty, since changes may have been missed. */
  goOnline(): void {
    this.clear();
    this.isOnline = true;
  }

  goOffline(): void {
    this.isOnline = false;
    this.clear();
  }

  epoch(): number {
    return this.generation;
  }

  get(hash: string, now = Date.now()): CachedCredential | undefined {
    if (!this.isOnline) return undefined;
    const hit = this.entries.get(hash);
    if (!hit) return undefined;
    if (hit.kind === "grant" && hit.expiresAt <= now) {
      this.entries.delete(hash);
      return undefined;
    }
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(hash);
    this.entries.set(hash, hit);
    return hit;
  }

  set(hash: string, value: CachedCredential, epoch: number): void {
    if (!this.isOnline || epoch !== this.generation) return;
    this.entries.delete(hash);
    this.entries.set(hash, value);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Drops every entry of a revoked or changed key or grant (a grant has one per token). */
  evict(ref: CredentialRef): void {
    this.generation++;
    for (const [hash, c] of this.entries) if (c.kind === ref.kind && idOf(c) === ref.id) this.entries.delete(hash);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

/** A notification payload (`k:<id>`, `g:<id>`), or null for anything else. */
export function parseCredentialRef(payload: string): CredentialRef | null {
  const m = /^([kg]):(.+)$/.exec(payload);
  return m ? { kind: m[1] === "k" ? "key" : "grant", id: m[2] } : null;
}
