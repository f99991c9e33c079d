/**
 * Worker-thread entry of the render pool (render-pool.ts): renders one spec per message and
 * answers with the encoded bytes, transferred rather than copied.
 */
import os from "node:os";
import { parentPort } from "node:worker_threads";
import sharp from "sharp";
import { renderProcedural, type RenderSpec } from "./render";

export interface RenderRequest {
  id: number;
  spec: RenderSpec;
}

export type RenderReply =
  | { id: number; ok: true; bytes: Uint8Array; mimeType: "image/png" | "image/webp"; width: number; height: number }
  | { id: number; ok: false; name: string; message: string };

const port = parentPort;
if (!port) throw new Error("render-thread.ts runs only as a worker thread (see render-pool.ts)");

// libvips would otherwise start one thread per core for every encode: N render threads then
// oversubscribe the cores the pool was sized to. (The setting is process-wide in libvips.)
sharp.concurrency(1);
// Every spec draws new pixels, so libvips' operation cache only holds memory.
sharp.cache(false);
// On Linux the nice value belongs to the thread, and pid 0 means the calling thread: when a
// render and the event loop want the same core, the event loop wins. (Elsewhere pid 0 would
// mean the whole process, so leave it.)
if (process.platform === "linux") {
  try {
    os.setPriority(0, 10);
  } catch {
    // Not allowed in this sandbox: the renders only compete on equal terms.
  }
}

/** The bytes in an ArrayBuffer of their own, so they can be transferred whole. */
function owned(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes;
  return new Uint8Array(bytes);
}

port.on("message", async ({ id, spec }: RenderRequest) => {
  let reply: RenderReply;
  try {
    const r = await renderProcedural(spec);
    reply = { id, ok: true, bytes: owned(r.bytes), mimeType: r.mimeType, width: r.width, height: r.height };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply = { id, ok: false, name: e.name, message: e.message };
  }
  if (!reply.ok) return port.postMessage(reply);
  try {
    port.postMessage(reply, [reply.bytes.buffer as ArrayBuffer]);
  } catch {
    // Node 24 refuses to transfer buffers that native code (sharp) allocated outside V8's heap:
    // copying them costs well under a millisecond.
    port.postMessage({ ...reply, bytes: new Uint8Array(reply.bytes) });
  }
});
// Loaded: from here on a crash is the job's fault, not a broken install (see render-pool.ts).
port.postMessage({ ready: true });
