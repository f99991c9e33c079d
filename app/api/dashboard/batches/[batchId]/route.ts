import { sessionCtxFromRequest } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { getBatch } from "@/lib/generation/get-batch";
import { withAccessLog } from "@/lib/http/access-log";
import { errorResponse, json } from "@/lib/http/respond";
import { newRequestId } from "@/lib/ids";

/** The playground polls this with the session cookie; API keys are not accepted here. */
export function GET(req: Request, { params }: { params: Promise<{ batchId: string }> }): Promise<Response> {
  const requestId = newRequestId();
  return withAccessLog(req, requestId, params, () => serve(req, params, requestId));
}

async function serve(req: Request, params: Promise<{ batchId: string }>, requestId: string): Promise<Response> {
  try {
    const session = await sessionCtxFromRequest(req);
    if (!session) throw new DomainError("unauthorized", "Your session has ended. Sign in again.");
    const { batchId } = await params;
    const batch = await getBatch({ ctx: session.ctx, input: { batchId }, store: session.rt.store });
    return json(batch, { headers: { "cache-control": "no-store", "x-request-id": requestId } });
  } catch (err) {
    return errorResponse(err, requestId, { "cache-control": "no-store" });
  }
}
