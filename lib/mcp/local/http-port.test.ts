import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import type { ImageView } from "@/lib/generation/schemas";
import { checkDownloadFolder, fileFor, saveToFolder } from "./download-folder";
import { createHttpPort } from "./http-port";
import { imageOriginsOverHttp } from "./image-origins";
import { readLocalConfig } from "./local-server";

/** A loopback server standing in for Pixola's /api/v1; each test says how it answers. */
let server: http.Server | undefined;
const seen: Array<{ method: string; url: string; auth?: string; idem?: string; body: string }> = [];
async function serve(answer: (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void): Promise<string> {
  seen.length = 0;
  server = http.createServer(async (req, res) => {
    let body = "";
    for await (const c of req) body += c;
    seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, idem: req.headers["idempotency-key"] as string, body });
    answer(req, body, res);
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterEach(async () => {
  await new Promise((r) => (server ? server.close(r) : r(null)));
  server = undefined;
});

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
const failure = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as DomainError);

describe("the bundle's HTTP port", () => {
  it("calls /api/v1 with the key, the idempotency key and the long-poll wait", async () => {
    const base = await serve((req, _body, res) => json(res, 200, { ok: req.url }));
    const port = createHttpPort({ baseUrl: `${base}/`, apiKey: "pxk_test" });
    await port.generate({ prompt: "a fox", count: 2 } as never, "idem-1");
    await port.getBatch("bat_1", { waitSeconds: 12.5 });
    await port.getBatch("bat/../x");
    await port.listImages({ limit: 5, cursor: "c 1" });
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      "POST /api/v1/generate",
      "GET /api/v1/batches/bat_1?wait=12.5",
      "GET /api/v1/batches/bat%2F..%2Fx",
      "GET /api/v1/images?limit=5&cursor=c+1",
    ]);
    expect(seen.every((s) => s.auth === "Bearer pxk_test")).toBe(true);
    expect(seen[0]).toMatchObject({ idem: "idem-1", body: JSON.stringify({ prompt: "a fox", count: 2 }) });
  });

  it("turns REST errors into the same domain errors, a refused key into advice", async () => {
    const base = await serve((req, _b, res) =>
      req.url!.includes("credits")
        ? json(res, 401, { error: { code: "unauthorized", message: "Invalid API key: it is malformed, unknown or revoked.", requestId: "req_1" } })
        : json(res, 429, { error: { code: "rate_limited", message: "Rate limit reached. Retry in 12 s.", requestId: "req_2", details: { retryAfterSeconds: 12 } } }, { "retry-after": "12" }),
    );
    const port = createHttpPort({ baseUrl: base, apiKey: "pxk_wrong" });
    const refused = await failure(port.checkCredits());
    expect(refused).toMatchObject({ code: "unauthorized" });
    expect(refused!.message).toBe(
      `Pixola did not accept the API key: Invalid API key: it is malformed, unknown or revoked. Create a key at ${base}/settings/api-keys and enter it in the extension's settings.`,
    );
    const limited = await failure(port.listImages({}));
    expect(limited).toMatchObject({ code: "rate_limited", message: "Rate limit reached. Retry in 12 s.", details: { retryAfterSeconds: 12 } });
  });

  it("says the server cannot be reached for a closed port, a non-API answer, or no answer in time", async () => {
    const closed = await serve(() => {});
    await new Promise((r) => server!.close(r));
    server = undefined;
    const e1 = await failure(createHttpPort({ baseUrl: closed, apiKey: "pxk_x" }).checkCredits());
    expect(e1).toMatchObject({ code: "unavailable" });
    expect(e1!.message).toMatch(new RegExp(`^Could not reach Pixola at ${closed} \\(ECONNREFUSED\\)\\. Check the Pixola URL`));

    const html = await serve((_r, _b, res) => res.writeHead(404, { "content-type": "text/html" }).end("<h1>nope</h1>"));
    const e2 = await failure(createHttpPort({ baseUrl: html, apiKey: "pxk_x" }).listModels());
    expect(e2!.message).toContain("it answered HTTP 404 with text/html, which is not Pixola's API");
    await new Promise((r) => server!.close(r));

    await serve(() => {}); // never answers
    const silent = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
    const started = Date.now();
    const e3 = await failure(createHttpPort({ baseUrl: silent, apiKey: "pxk_x", timeoutMs: 300 }).listModels());
    expect(e3!.message).toContain("(no answer in time)");
    expect(Date.now() - started).toBeLessThan(5_000);
    server!.closeAllConnections();
  });
});

describe("the extension's settings", () => {
  it("never throws: a missing key or a bad URL becomes the error every tool reports", () => {
    expect(readLocalConfig({ PIXOLA_BASE_URL: "https://px.example/", PIXOLA_API_KEY: "pxk_1" })).toEqual({
      port: { baseUrl: "https://px.example", apiKey: "pxk_1", downloadFolder: undefined },
      waitMs: 45_000,
    });
    expect(readLocalConfig({ PIXOLA_BASE_URL: "https://px.example", PIXOLA_API_KEY: "pxk_1", MCPB_WAIT_SECONDS: "3" }).waitMs).toBe(3000);
    const noKey = readLocalConfig({ PIXOLA_BASE_URL: "https://px.example", PIXOLA_API_KEY: " " }).port as DomainError;
    expect(noKey.message).toBe("No API key is set. Create one at https://px.example/settings/api-keys and enter it in the extension's settings.");
    const badUrl = readLocalConfig({ PIXOLA_BASE_URL: "px.example", PIXOLA_API_KEY: "pxk_1" }).port as DomainError;
    expect(badUrl).toMatchObject({ code: "unavailable", message: expect.stringContaining("'px.example' is not a web address") });
    const relative = readLocalConfig({ PIXOLA_BASE_URL: "https://px.example", PIXOLA_API_KEY: "pxk_1", PIXOLA_DOWNLOAD_FOLDER: "Pictures" }).port as DomainError;
    expect(relative.message).toContain("download_folder must be an absolute path");
    // An optional setting left empty can arrive unreplaced.
    expect(checkDownloadFolder("${user_config.download_folder}")).toBeUndefined();
  });
});

describe("the download folder", () => {
  const img = (imageId: string, url: string | null): ImageView => ({ imageId, url } as ImageView);

  it("names files by image id inside the folder and refuses ids that could leave it", () => {
    expect(fileFor("/tmp/px", img("img_AbC-1", null), "image/png")).toBe("/tmp/px/img_AbC-1.png");
    expect(fileFor("/tmp/px", img("img_2", null), "image/webp")).toBe("/tmp/px/img_2.webp");
    for (const bad of ["../etc", "a/b", "..", "", "x\\y", "img_1.png"]) {
      expect(() => fileFor("/tmp/px", img(bad, null), "image/png"), bad).toThrow(/refusing/);
    }
  });

  it("writes each image's full file, creating the folder, and nothing else", async () => {
    const png = fs.readFileSync(path.join(process.cwd(), "mcpb", "icon.png"));
    const base = await serve((_r, _b, res) => res.writeHead(200, { "content-type": "image/png" }).end(png));
    const folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "px-dl-")), "nested", "Pixola");
    const saved = await saveToFolder(folder, [img("img_1", `${base}/files/a.png`), img("img_2", null), img("img_3", `${base}/files/b.png`)]);
    expect(saved).toEqual({ img_1: path.join(folder, "img_1.png"), img_3: path.join(folder, "img_3.png") });
    expect(fs.readdirSync(folder).sort()).toEqual(["img_1.png", "img_3.png"]);
    expect(fs.readFileSync(saved.img_1).equals(png)).toBe(true);
    expect(seen.every((s) => s.auth === undefined)).toBe(true); // the key never goes to the file host
  });
});

describe("the bundle's image origins (the views' CSP)", () => {
  it("takes the origin of the newest image URL, else the app's own, also when the API cannot be asked", async () => {
    const base = await serve((req, _b, res) =>
      req.headers.authorization === "Bearer pxk_s3"
        ? json(res, 200, { images: [{ url: null }, { url: "https://bucket.s3.example.com/img_1.png?X-Amz-Signature=x" }], nextCursor: null })
        : req.headers.authorization === "Bearer pxk_empty"
          ? json(res, 200, { images: [], nextCursor: null })
          : json(res, 401, { error: { code: "unauthorized", message: "Invalid API key." } }),
    );
    expect(await imageOriginsOverHttp({ baseUrl: `${base}/pixola`, apiKey: "pxk_s3" })).toEqual(["https://bucket.s3.example.com"]);
    expect(seen.at(-1)?.url).toBe("/pixola/api/v1/images?limit=10");
    expect(await imageOriginsOverHttp({ baseUrl: `${base}/pixola`, apiKey: "pxk_empty" })).toEqual([base]);
    expect(await imageOriginsOverHttp({ baseUrl: base, apiKey: "pxk_wrong" })).toEqual([base]);
  });
});
