import type { ServerContext } from "@modelcontextprotocol/server";

/**
 * Sends `notifications/progress` when the client asked for it with a progress token.
 * Returns false once the client is gone (the stream is closed), so callers can stop waiting.
 */
export function progressReporter(ctx: ServerContext, total: number) {
  const progressToken = ctx.mcpReq._meta?.progressToken;
  return async (progress: number, message: string): Promise<boolean> => {
    if (ctx.mcpReq.signal.aborted) return false;
    if (progressToken === undefined) return true;
    try {
      await ctx.mcpReq.notify({ method: "notifications/progress", params: { progressToken, progress, total, message } });
      return true;
    } catch {
      return false;
    }
  };
}
