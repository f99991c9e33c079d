import { IncomingMessage } from "node:http";
import type { ErrorCode } from "@/lib/errors";

/**
 * A multipart POST to a page is a server action submitted without JavaScript (the sign-out
 * form, for one). Next answers a body it cannot parse with a 500 and one without an action
 * with a logged stack; server.ts reads such bodies first (they are small: Next caps action
 * bodies at 1 MB) and refuses the bad ones itself, then hands Next an identical request.
 */
export const MAX_FORM_BYTES = 1024 * 1024;

export type FormPostCheck = { ok: true; req: IncomingMessage } | { ok: false; code: ErrorCode; message: string };

export function isMultipart(req: IncomingMessage): boolean {
  return req.method === "POST" && /^multipart\/form-data\b/i.test(req.headers["content-type"] ?? "");
}

export async function checkPageFormPost(req: IncomingMessage): Promise<FormPostCheck> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return { ok: false, code: "payload_too_large", message: `A form may carry at most ${MAX_FORM_BYTES / 1024} KB.` };
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks);
  let fields: string[];
  try {
    const form = await new Response(body, { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData();
    fields = [...form.keys()];
  } catch {
    return { ok: false, code: "bad_request", message: "The form data could not be read: it is not valid multipart/form-data." };
  }
  // React's no-JavaScript form actions name their fields $ACTION_ID_… or $ACTION_REF_….
  if (!fields.some((f) => f.startsWith("$ACTION_"))) {
    return { ok: false, code: "bad_request", message: "This page does not accept form posts other than its own forms." };
  }
  return { ok: true, req: replay(req, body) };
}

/** A request identical to `req` whose body is `body`, for Next to read in place of the consumed one. */
function replay(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.headers = { ...req.headers, "content-length": String(body.length) };
  delete copy.headers["transfer-encoding"];
  copy.rawHeaders = req.rawHeaders;
  copy.push(body);
  copy.push(null);
  copy.complete = true;
  return copy;
}
