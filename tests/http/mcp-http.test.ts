import { beforeAll, describe, expect, it } from "vitest";
import { generateKey } from "@/lib/api-keys/codec";
import { jsonRpcOf } from "../helpers/mcp-clients";
import { baseUrl, call, newKey, revokeKey, waitForBatch } from "./client";

const ACCEPT = "application/json, text/event-stream";

/** A raw JSON-RPC POST to /mcp, as curl sends it. */
async function rpc(body: unknown, opts: { key?: string; headers?: Record<string, string> } = {}) {
  const r = await call("/mcp", { key: opts.key, json: body, headers: { accept: ACCEPT, ...opts.headers } });
  return { ...r, message: r.status === 200 ? jsonRpcOf(r.text) : null };
}
const toolsList = { jsonrpc: "2.0", method: "tools/list", id: 1 };
const toolCall = (name: string, args: Record<string, unknown>) => ({ jsonrpc: "2.0", method: "tools/call", id: 2, params: { name, arguments: args } });

function expect401(r: Awaited<ReturnType<typeof rpc>>) {
  expect(r.status).toBe(401);
  expect(r.headers.get("content-type")).toMatch(/^application\/json/);
  expect(r.body.error).toMatchObject({ code: "unauthorized", message: expect.any(String), requestId: expect.stringMatching(/^req_/) });
  const challenge = r.headers.get("www-authenticate")!;
  expect(challenge).toMatch(/^Bearer realm="pixola"/);
  // Points OAuth-capable clients at the protected-resource metadata (RFC 9728), with the scopes to ask for.
  expect(challenge).toContain(`resource_metadata="${baseUrl()}/.well-known/oauth-protected-resource/mcp"`);
  expect(challenge).toContain('scope="images:generate images:read credits:read"');
}
const metadata = () => `resource_metadata="${baseUrl()}/.well-known/oauth-protected-resource/mcp", scope="images:generate images:read credits:read"`;

describe("/mcp over raw HTTP", () => {
  let key: string;
  beforeAll(async () => {
    ({ key } = await newKey());
  });

  it("answers the seed's curl request (tools/list without initialize) with the tool list", async () => {
    const r = await rpc(toolsList, { key });
    expect(r.status).toBe(200);
    // A 2025-era request without a progress token gets one JSON body (clients accept JSON or SSE).
    expect(r.headers.get("content-type")).toMatch(/^application\/json/);
    expect(r.headers.get("x-request-id")).toMatch(/^req_/);
    expect(r.message.result.tools.map((t: { name: string }) => t.name)).toHaveLength(8);
    expect(r.message.result.tools.every((t: { inputSchema?: object; outputSchema?: object }) => t.inputSchema && t.outputSchema)).toBe(true);
  });

  it("refuses a missing, malformed, unknown or revoked key with 401, a JSON body and a Bearer challenge", async () => {
    const missing = await rpc(toolsList);
    expect401(missing);
    expect(missing.headers.get("www-authenticate")).toBe(`Bearer realm="pixola", ${metadata()}`);
    for (const headers of [{ authorization: "Basic abc" }, { authorization: "Bearer" }, { authorization: "Bearer pxk_short" }]) {
      const r = await rpc(toolsList, { headers });
      expect401(r);
      expect(r.headers.get("www-authenticate")).toBe(`Bearer realm="pixola", error="invalid_token", ${metadata()}`);
    }
    expect401(await rpc(toolsList, { key: generateKey() }));
    expect401(await rpc(toolCall("check_credits", {}), { key: generateKey() }));

    const revoked = await newKey();
    expect((await rpc(toolCall("check_credits", {}), { key: revoked.key })).status).toBe(200);
    await revokeKey(revoked.keyId);
    expect401(await rpc(toolCall("check_credits", {}), { key: revoked.key }));
  });

  it("refuses a foreign Origin with 403 before looking at the key; no Origin or its own origin passes", async () => {
    for (const origin of ["https://evil.example", "null", `${baseUrl()}.evil.example`]) {
      for (const k of [key, undefined]) {
        const r = await rpc(toolsList, { key: k, headers: { origin } });
        expect(r.status).toBe(403);
        expect(r.body).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32000, message: expect.stringContaining(origin) } });
      }
    }
    expect((await rpc(toolsList, { key, headers: { origin: baseUrl() } })).status).toBe(200);
  });

  it("caps request bodies at 64 KB, declared or streamed, and serves a streamed body under the cap", async () => {
    const big = JSON.stringify({ ...toolCall("generate_image", { prompt: "x" }), padding: "x".repeat(70_000) });
    const declared = await rpc(JSON.parse(big), { key });
    expect(declared.status).toBe(413);
    expect(declared.body.error.message).toMatch(/larger than the 64 KB limit/);

    const streamed = (text: string) =>
      fetch(`${baseUrl()}/mcp`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json", accept: ACCEPT },
        body: new Blob([text]).stream(),
        duplex: "half",
      } as RequestInit);
    expect((await streamed(big)).status).toBe(413);
    const small = await streamed(JSON.stringify(toolsList));
    expect(small.status).toBe(200);
    expect(jsonRpcOf(await small.text()).result.tools).toHaveLength(8);
  });

  it("answers GET (no standalone stream in stateless serving) with 405 once authenticated", async () => {
    const r = await call("/mcp", { key, headers: { accept: "text/event-stream" } });
    expect(r.status).toBe(405);
    expect((await call("/mcp", { headers: { accept: "text/event-stream" } })).status).toBe(401);
  });

  it("OPTIONS advertises only the methods that do not answer 405", async () => {
    const r = await call("/mcp", { method: "OPTIONS" });
    expect(r.status).toBe(204);
    const allowed = r.headers.get("allow")!.split(/,\s*/);
    expect(allowed.sort()).toEqual(["OPTIONS", "POST"]);
    for (const method of ["GET", "DELETE", "HEAD"]) {
      expect((await call("/mcp", { key, method, headers: { accept: ACCEPT } })).status, method).toBe(405);
    }
  });

  it("answers initialize with a non-string protocolVersion with -32602 and a one-line message", async () => {
    const r = await rpc(
      { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: 5, capabilities: {}, clientInfo: { name: "curl", version: "1" } } },
      { key },
    );
    const error = (r.message ?? r.body).error;
    expect(error.code).toBe(-32602);
    expect(error.message).toMatch(/protocolVersion/);
    expect(error.message).not.toMatch(/[{}\n]/);
    expect(error.message.length).toBeLessThan(200);
  });

  it("keeps a four-image result under 1 MiB, with the four stored previews of at most 512 px", async () => {
    const r = await rpc(toolCall("generate_image", { prompt: "a busy harbour town with many boats", shape: "landscape-wide", quality: "hd", count: 4 }), { key });
    expect(r.status).toBe(200);
    const result = r.message.result;
    expect(result.structuredContent).toMatchObject({ status: "succeeded", completed: true });
    const previews = result.content.filter((c: { type: string }) => c.type === "image");
    expect(previews).toHaveLength(4);
    for (const p of result.structuredContent.images) {
      // The stored preview (GET /images/{id}/preview), not a second rendition.
      const stored = (await call(`/api/v1/images/${p.imageId}`, { key })).body;
      expect(p.preview).toEqual({ width: stored.previewWidth, height: stored.previewHeight, mimeType: "image/webp" });
      expect(Math.max(p.preview.width, p.preview.height)).toBe(512);
    }
    // Claude Desktop refuses results over 1,048,576 characters.
    expect(JSON.stringify(result).length).toBeLessThan(800 * 1024);
  });

  it("hides another user's batch and image: the answer is the one a missing id gets", async () => {
    const other = await newKey();
    const submitted = await call("/api/v1/generate", { key: other.key, json: { prompt: "someone else's picture" } });
    const batch = await waitForBatch(other.key, submitted.body.batchId);
    const theirImage = batch.images[0].imageId;

    const notFound = async (tool: string, arg: string, id: string) => {
      const r = await rpc(toolCall(tool, { [arg]: id }), { key });
      expect(r.status).toBe(200);
      expect(r.message.result.isError).toBe(true);
      return r.message.result.content[0].text.replace(id, "<id>");
    };
    const missingBatch = `bat_${"x".repeat(20)}`;
    const missingImage = `img_${"x".repeat(20)}`;
    expect(await notFound("get_batch", "batchId", batch.batchId)).toBe(await notFound("get_batch", "batchId", missingBatch));
    expect(await notFound("get_image", "imageId", theirImage)).toBe(await notFound("get_image", "imageId", missingImage));
    expect(await notFound("get_batch", "batchId", batch.batchId)).toBe("Batch '<id>' was not found.");

    const mine = await rpc(toolCall("list_images", { limit: 100 }), { key });
    expect(JSON.stringify(mine.message.result.structuredContent)).not.toContain(theirImage);
  });
});
