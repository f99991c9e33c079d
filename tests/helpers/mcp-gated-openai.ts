import http from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";

export interface GatedOpenAi {
  url: string;
  /** Image requests received so far (answered or held). */
  received(): number;
  /** Hold every answer until `release()`, so a generation stays in flight as long as a test needs. */
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

/** A loopback stand-in for OpenAI's POST /v1/images/generations whose answers can be held back. */
export async function startGatedOpenAi(): Promise<GatedOpenAi> {
  let received = 0;
  let gate: Promise<void> = Promise.resolve();
  let open = () => {};
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString() || "{}");
    received++;
    await gate;
    const [w, h] = String(body.size ?? "1024x1024").split("x").map(Number);
    const png = await sharp({ create: { width: w, height: h, channels: 3, background: { r: 30, g: 90, b: 160 } } }).png().toBuffer();
    const data = Array.from({ length: Number(body.n ?? 1) }, () => ({ b64_json: png.toString("base64") }));
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ created: Math.floor(Date.now() / 1000), data }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    received: () => received,
    hold() {
      gate = new Promise((r) => (open = r));
    },
    release: () => open(),
    close: () => {
      open();
      return new Promise((r) => server.close(() => r()));
    },
  };
}
