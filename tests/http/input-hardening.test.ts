import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectMcp, textOf, type McpTestClient } from "../helpers/mcp-clients";
import { baseUrl, call, newKey } from "./client";

const cursorOf = (s: string) => Buffer.from(s).toString("base64url");
const admin = { authorization: `Bearer ${inject("adminToken")}` };

// Issue #9 items 1 and 2: NUL (which PostgreSQL text cannot hold) and cursors the server did
// not make are a 400 naming the field on REST, and an isError tool result on MCP, never a 500/-32603.
describe("NUL characters and foreign cursors", () => {
  let key: string;
  beforeAll(async () => {
    ({ key } = await newKey());
  });

  it.each([
    ["POST /generate prompt", "prompt", () => call("/api/v1/generate", { key, json: { prompt: "a\u0000b" } })],
    ["POST /generate style", "style", () => call("/api/v1/generate", { key, json: { prompt: "ok", style: "\u0000" } })],
    ["GET /batches/bat_%00x", "batchId", () => call("/api/v1/batches/bat_%00x", { key })],
    ["GET /images/%00", "imageId", () => call("/api/v1/images/%00", { key })],
    ["GET /images?cursor=%00", "cursor", () => call("/api/v1/images?cursor=%00", { key })],
    ["POST /admin/keys name", "name", () => call("/api/admin/keys", { json: { email: "nul@example.com", name: "a\u0000" }, headers: admin })],
    ["POST /admin/keys/key_%00/revoke", "keyId", () => call("/api/admin/keys/key_%00/revoke", { method: "POST", headers: admin })],
  ])("%s is 400 naming %s", async (_, field, send) => {
    const r = await send();
    expect(r.status, r.text).toBe(400);
    expect(r.body.error).toMatchObject({ code: "bad_request", message: expect.stringMatching(new RegExp(`^${field} .*U\\+0000`)) });
  });

  it.each([
    ["NUL in the id", cursorOf("2026-01-01T00:00:00.000Z|img_\u0000x")],
    ["a date before PostgreSQL's range", cursorOf("-271821-04-20T00:00:00.000Z|img_x")],
    ["a date after PostgreSQL's range", cursorOf("+275760-09-13T00:00:00.000Z|img_x")],
    ["foreign text", cursorOf("not a cursor")],
  ])("a list cursor holding %s is 400 naming cursor", async (_, cursor) => {
    const r = await call(`/api/v1/images?cursor=${cursor}`, { key });
    expect(r.status, r.text).toBe(400);
    expect(r.body.error).toMatchObject({ code: "bad_request", message: expect.stringMatching(/^cursor is not valid/) });
  });

  describe("over MCP", () => {
    let mcp: McpTestClient;
    beforeAll(async () => {
      const { key: mcpKey } = await newKey();
      mcp = await connectMcp("client 2.x legacy", `${baseUrl()}/mcp`, mcpKey);
    });
    afterAll(() => mcp?.close());

    it.each([
      ["generate_image", { prompt: "a\u0000b" }, /prompt .*U\+0000/],
      ["get_batch", { batchId: "bat_\u0000x" }, /batchId .*U\+0000/],
      ["get_image", { imageId: "\u0000" }, /imageId .*U\+0000/],
      ["list_images", { cursor: "\u0000" }, /cursor .*U\+0000/],
      ["list_images", { cursor: cursorOf("-271821-04-20T00:00:00.000Z|img_x") }, /cursor is not valid/],
    ])("%s %j is an isError tool result that names the field", async (tool, args, message) => {
      const res = await mcp.callTool(tool, args);
      expect(res.isError).toBe(true);
      expect(textOf(res)).toMatch(message);
    });
  });
});
