/**
 * The benchmark's baseline: the same mcp-handler setup as /mcp (lib/mcp/hosted/handler.ts) on plain
 * node:http, outside Next.js, its tools answering from fixed data (no key check, no database).
 * Runs as its own process, as the app does, so neither shares a thread with the load generator.
 * Usage: tsx bench/mcp-bare-server.ts <file with list_models' structuredContent>; prints its URL.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createPixolaMcpHandler } from "../lib/mcp/hosted/handler";
import type { PixolaPort } from "../lib/mcp/port";

const listModels = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const unused = () => Promise.reject(new Error("not part of the benchmark"));
const port: PixolaPort = {
  requestId: "req_bench",
  listModels: async () => listModels,
  listStyles: unused,
  listShapes: unused,
  checkCredits: unused,
  generate: unused,
  getBatch: unused,
  listImages: unused,
  getImage: unused,
  imagePreview: unused,
};
const handler = createPixolaMcpHandler(() => port, { waitMs: 50_000, inlineThumbnails: true, log: { info() {}, error() {} } });

const server = http.createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const response = await handler(
    new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined }),
  );
  // Buffered: the benchmarked answers are single messages, never progress streams.
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), "content-length": body.length });
  res.end(body);
});
server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`));
