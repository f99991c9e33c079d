import fs from "node:fs";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { apiKeys, images, user } from "@/db/schema";
import { runAdminCli } from "../helpers/admin-cli";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { waitFor } from "../helpers/wait-for";

/**
 * Images stored before previews existed, on the embedded database of a real app: the admin
 * command reaches the running server, runs directly on the data once the server is gone, and
 * a restarted server's worker backfills by itself.
 */
describe("backfilling previews", () => {
  let app: AppServer;
  let dataDir: string;
  let key: string;
  let ids: string[] = [];

  const api = async (p: string, init: RequestInit = {}) => {
    const res = await fetch(`${app.url}${p}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...init.headers } });
    return { status: res.status, body: await res.json() };
  };

  /** With the server stopped: the images lose their previews, rows and files, as before migration 0006. */
  async function forgetPreviews() {
    const db = await openDatabase({ dataDir: path.join(dataDir, "pglite") });
    try {
      const rows = await db.db.select({ key: images.previewKey }).from(images).where(inArray(images.id, ids));
      for (const r of rows) fs.rmSync(path.join(dataDir, "images", r.key!));
      await db.db.update(images).set({ previewKey: null, previewWidth: null, previewHeight: null }).where(inArray(images.id, ids));
    } finally {
      await db.close();
    }
  }

  async function storedPreviews() {
    const db = await openDatabase({ dataDir: path.join(dataDir, "pglite") });
    try {
      return await db.db.select({ key: images.previewKey, w: images.previewWidth, h: images.previewHeight }).from(images).where(inArray(images.id, ids));
    } finally {
      await db.close();
    }
  }

  beforeAll(async () => {
    app = await startAppServer({ DEFAULT_MODEL: "procedural" });
    dataDir = app.dataDir;
    key = await runAdminCli("keys", ["create", "--email", "backfill@example.com"], dataDir);
    const sub = await api("/api/v1/generate", { method: "POST", body: JSON.stringify({ prompt: "a kite", shape: "landscape-wide", count: 2 }) });
    ids = sub.body.imageIds;
    await waitFor(async () => (await api(`/api/v1/batches/${sub.body.batchId}`)).body.status === "succeeded", { what: "the batch", timeoutMs: 30_000 });
  });
  afterAll(async () => {
    await app?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("npm run previews -- backfill goes through the running server (nothing to do: previews are made on store)", async () => {
    expect(JSON.parse(await runAdminCli("previews", ["backfill"], dataDir))).toEqual({ made: 0, failed: 0 });
  });

  it("with the server stopped, the command makes the missing previews on the data itself", async () => {
    await app.kill("SIGTERM");
    await forgetPreviews();
    expect(JSON.parse(await runAdminCli("previews", ["backfill", "--limit", "1"], dataDir))).toEqual({ made: 1, failed: 0 });
    expect(JSON.parse(await runAdminCli("previews", ["backfill"], dataDir))).toEqual({ made: 1, failed: 0 });
    for (const row of await storedPreviews()) {
      expect([row.w, row.h]).toEqual([512, 288]);
      const meta = await sharp(fs.readFileSync(path.join(dataDir, "images", row.key!))).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["webp", 512, 288]);
    }
  });

  it("refuses bad arguments with the usage line", async () => {
    for (const args of [["backfill", "--limit", "0"], ["backfill", "--limit", "x"], ["make"]]) {
      await expect(runAdminCli("previews", args, dataDir)).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("Usage: npm run previews -- backfill [--limit N]") });
    }
  });

  it("a restarted server's worker backfills by itself; a key without images:read gets 403 as for the image", async () => {
    await forgetPreviews();
    // No surface makes a key with fewer scopes yet: narrow one on the stopped server's data.
    const narrow = await runAdminCli("keys", ["create", "--email", "narrow@example.com"], dataDir);
    const db = await openDatabase({ dataDir: path.join(dataDir, "pglite") });
    try {
      const [u] = await db.db.select({ id: user.id }).from(user).where(eq(user.email, "narrow@example.com"));
      await db.db.update(apiKeys).set({ scopes: ["credits:read"] }).where(eq(apiKeys.userId, u.id));
    } finally {
      await db.close();
    }
    app = await startAppServer({ DEFAULT_MODEL: "procedural" }, { dataDir });
    for (const id of ids) {
      const view = await waitFor(async () => {
        const r = await api(`/api/v1/images/${id}`);
        return r.body.previewUrl ? r.body : null;
      }, { what: `the preview of ${id}`, timeoutMs: 30_000 });
      expect([view.previewWidth, view.previewHeight]).toEqual([512, 288]);
      const file = await fetch(view.previewUrl);
      expect(file.headers.get("content-type")).toBe("image/webp");
    }
    const asNarrow = (p: string) => fetch(`${app.url}${p}`, { headers: { authorization: `Bearer ${narrow}` } }).then(async (r) => [r.status, (await r.json()).error.code]);
    expect(await asNarrow(`/api/v1/images/${ids[0]}`)).toEqual([403, "forbidden"]);
    expect(await asNarrow(`/api/v1/images/${ids[0]}/preview`)).toEqual([403, "forbidden"]);
  });
});
