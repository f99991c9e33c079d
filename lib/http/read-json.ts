import { DomainError, badRequest } from "@/lib/errors";
import { BODY_TOO_LARGE, MAX_BODY_BYTES, readCappedBody } from "./read-capped";

/** Reads a JSON body of at most 64 KB; anything else is a 4xx that says what is expected. */
export async function readJson(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw badRequest(`Send the body as JSON with 'Content-Type: application/json' (got '${type || "none"}').`);
  }
  const body = await readCappedBody(req);
  if (!body) throw tooLarge();
  const text = body.toString("utf8");
  if (!text.trim()) throw badRequest("The request body is empty: send a JSON object.");
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
}

const tooLarge = () =>
  new DomainError("payload_too_large", BODY_TOO_LARGE, { limitBytes: MAX_BODY_BYTES });
