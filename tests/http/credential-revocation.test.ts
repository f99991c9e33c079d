import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { createEmptyPostgres } from "../helpers/empty-postgres";
import { grantFor, signUpCookie } from "../helpers/oauth-http";
import { waitFor } from "../helpers/wait-for";

/**
 * Two web processes on one PostgreSQL database, each with its credential cache
 * (lib/credentials/): what one revokes, the other refuses within a second, through the
 * database's notifications; with those cut, at once, because the cache is then bypassed.
 */
const LISTENER = "pixola-listen-pixola_credentials";
const ACCEPT = "application/json, text/event-stream";

describe.runIf(process.env.TEST_DATABASE_URL)("revocation across processes (PostgreSQL)", () => {
  let db: Awaited<ReturnType<typeof createEmptyPostgres>>;
  let a: AppServer;
  let b: AppServer;
  let admin: postgres.Sql;
  const shared = { BETTER_AUTH_SECRET: "a-shared-secret-of-enough-length-0123456789", ADMIN_TOKEN: "adm_shared_admin_token_0123456789", RATE_LIMIT: "off" };

  beforeAll(async () => {
    db = await createEmptyPostgres();
    a = await startAppServer({ DATABASE_URL: db.url, ...shared });
    // One public address for both (as behind a load balancer): tokens name it as their audience.
    b = await startAppServer({ DATABASE_URL: db.url, ...shared, APP_URL: a.url });
    admin = postgres(db.url, { max: 1, onnotice: () => {} });
  }, 180_000);
  afterAll(async () => {
    await admin?.end();
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await db?.drop();
  });

  const newKey = async (email: string) => {
    const r = await fetch(`${a.url}/api/admin/keys`, {
      method: "POST",
      headers: { authorization: `Bearer ${shared.ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ email, name: "both" }),
    });
    expect(r.status).toBe(201);
    const body = await r.json();
    return { key: body.key as string, keyId: body.apiKey.id as string };
  };
  const revoke = async (keyId: string) => {
    const r = await fetch(`${a.url}/api/admin/keys/${keyId}/revoke`, { method: "POST", headers: { authorization: `Bearer ${shared.ADMIN_TOKEN}` } });
    expect(r.status).toBe(200);
  };
  const credits = async (app: AppServer, key: string) =>
    (await fetch(`${app.url}/api/v1/credits`, { headers: { authorization: `Bearer ${key}` } })).status;
  const toolsList = async (app: AppServer, token: string) =>
    (
      await fetch(`${app.url}/mcp`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: ACCEPT },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
      })
    ).status;
  /** Milliseconds until `probe` answers 401, polling every 10 ms for at most 3 s. */
  const msUntil401 = async (probe: () => Promise<number>) => {
    const start = performance.now();
    for (;;) {
      const status = await probe();
      if (status === 401) return performance.now() - start;
      expect(status).toBe(200);
      if (performance.now() - start > 3000) throw new Error("still accepted after 3 s");
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  /** How often an app has logged that its credential notifications were lost (credentials.ts). */
  const lostCount = (app: AppServer) => app.output().split("credential notifications lost").length - 1;
  const listeners = async () =>
    (await admin`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = ${LISTENER}`)[0].n as number;

  it("a key revoked through one process is refused by the other within 1 s (and by the first at once)", async () => {
    expect(await listeners()).toBe(2);
    const { key, keyId } = await newKey("two-processes@example.com");
    for (const app of [a, b, a, b]) expect(await credits(app, key)).toBe(200);
    await revoke(keyId);
    expect(await credits(a, key)).toBe(401);
    const ms = await msUntil401(() => credits(b, key));
    console.log(`key revoked through A: refused by B after ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(1000);
  });

  it("an OAuth grant deleted through one process (better-auth's delete-consent) is refused by the other within 1 s", async () => {
    const cookie = await signUpCookie(a.url, "grant-two-processes@example.com");
    const { clientId, accessToken } = await grantFor(a.url, cookie);
    for (const app of [a, b, a, b]) expect(await toolsList(app, accessToken)).toBe(200);
    const consents = await (await fetch(`${a.url}/api/auth/oauth2/get-consents`, { headers: { cookie } })).json();
    const grant = (consents as { id: string; clientId: string }[]).find((c) => c.clientId === clientId)!;
    expect(grant).toBeDefined();
    const del = await fetch(`${a.url}/api/auth/oauth2/delete-consent`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", origin: a.url },
      body: JSON.stringify({ id: grant.id }),
    });
    expect(del.status).toBe(200);
    const [msA, msB] = await Promise.all([msUntil401(() => toolsList(a, accessToken)), msUntil401(() => toolsList(b, accessToken))]);
    console.log(`grant deleted through A: refused by A after ${msA.toFixed(1)} ms, by B after ${msB.toFixed(1)} ms`);
    expect(msA).toBeLessThan(1000);
    expect(msB).toBeLessThan(1000);
  });

  it("with the notification connections cut, a revocation is refused by the other process at once (cache bypassed)", async () => {
    const { key, keyId } = await newKey("cut-connection@example.com");
    for (const app of [a, b, a, b]) expect(await credits(app, key)).toBe(200);
    const lostBefore = [a, b].map(lostCount);
    const cut = await admin`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = ${LISTENER}`;
    expect(cut).toHaveLength(2);
    while ((await listeners()) > 0) await new Promise((r) => setTimeout(r, 10));
    // A terminated backend leaves pg_stat_activity before it closes its socket, so each process
    // learns of the cut a moment later (a loaded machine once answered from B's cache in
    // between): the revocation follows once both have said so in their logs, as an operator sees it.
    await waitFor(() => [a, b].every((app, i) => lostCount(app) > lostBefore[i]), {
      what: "both processes to notice their notification connection was cut",
      timeoutMs: 5000,
      intervalMs: 10,
    });
    await revoke(keyId);
    expect(await credits(b, key)).toBe(401);
    // Refused while B was still not listening: the database was asked, not a notification.
    expect(await listeners()).toBe(0);
    // Both listen again after the retry delay (db/listen.ts), and the cache works again.
    const back = performance.now();
    while ((await listeners()) < 2) {
      if (performance.now() - back > 10_000) throw new Error("the listeners did not come back");
      await new Promise((r) => setTimeout(r, 50));
    }
    const fresh = await newKey("after-reconnect@example.com");
    for (const app of [a, b]) expect(await credits(app, fresh.key)).toBe(200);
    await revoke(fresh.keyId);
    expect(await msUntil401(() => credits(b, fresh.key))).toBeLessThan(1000);
  });
});
