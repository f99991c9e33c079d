import type { ServerContext } from "@modelcontextprotocol/server";
import { listModels } from "@/lib/catalog/list-models";
import { listShapes } from "@/lib/catalog/list-shapes";
import { listStyles } from "@/lib/catalog/list-styles";
import { actorScopes, type Ctx, type Scope } from "@/lib/context";
import { getCredits } from "@/lib/credits/get-credits";
import { DomainError } from "@/lib/errors";
import { submitGenerationIdempotently } from "@/lib/generation/submit-generation";
import { waitForBatch } from "@/lib/generation/wait-for-batch";
import { getImage } from "@/lib/images/get-image";
import { getImagePreview } from "@/lib/images/get-image-preview";
import { listImages } from "@/lib/images/list-images";
import { getRuntime, type Runtime } from "@/lib/runtime";
import { ctxFromAuthInfo } from "./auth";
import { rateLimitRefusal } from "./tool-call-limit";
import type { PixolaPort } from "../port";

/**
 * The same scopes the matching /api/v1 endpoints require, so a key means the same on both.
 * OAuth tokens are refused earlier, with an HTTP 403 step-up (lib/mcp/hosted/oauth-scope.ts); this
 * check is the correctness backstop for both.
 */
function requireScope(ctx: Ctx, scope: Scope) {
  const scopes = actorScopes(ctx);
  if (scopes && !scopes.includes(scope)) {
    const what = ctx.actor.kind === "oauth" ? "This connection" : "This API key";
    throw new DomainError("forbidden", `${what} lacks the '${scope}' scope needed here.`);
  }
}

export function createInProcessPort(rt: Runtime, ctx: Ctx): PixolaPort {
  const { db, store, config } = rt;
  return {
    requestId: ctx.requestId,
    listModels: () => listModels({ db }),
    listStyles: () => listStyles({ db, appUrl: config.appUrl }),
    listShapes: () => listShapes({ db }),
    async checkCredits() {
      requireScope(ctx, "credits:read");
      return getCredits({ ctx });
    },
    async generate(input, idempotencyKey) {
      requireScope(ctx, "images:generate");
      return (await submitGenerationIdempotently({ ctx, input, appUrl: config.appUrl, idempotencyKey })).result;
    },
    async getBatch(batchId, wait) {
      requireScope(ctx, "images:read");
      return waitForBatch({ ctx, batchId, store, waitSeconds: wait?.waitSeconds ?? 0, signal: wait?.signal });
    },
    async listImages(input) {
      requireScope(ctx, "images:read");
      return listImages({ ctx, input, store });
    },
    async getImage(imageId) {
      requireScope(ctx, "images:read");
      return getImage({ ctx, input: { imageId }, store });
    },
    async imagePreview(image) {
      requireScope(ctx, "images:read");
      const p = await getImagePreview({ ctx, input: { imageId: image.imageId }, store });
      return { bytes: p.bytes, mimeType: p.contentType, width: p.width, height: p.height };
    },
  };
}

/**
 * The port factory of the hosted `/mcp`: the caller is the key the route verified. The route
 * counted this tool call against the key's limits (lib/mcp/hosted/tool-call-limit.ts); a refusal
 * becomes a tool error that says when to retry.
 */
export async function inProcessPort(toolCtx: ServerContext): Promise<PixolaPort> {
  const refused = rateLimitRefusal(toolCtx.http?.authInfo, toolCtx.mcpReq.id);
  if (refused) throw refused;
  const rt = await getRuntime();
  return createInProcessPort(rt, ctxFromAuthInfo(rt.db, toolCtx.http?.authInfo));
}
