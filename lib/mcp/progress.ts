import type { ServerContext } from "@modelcontextprotocol/server";

/**
 * Sends `notifications/progress` when the client asked for it with a progress token.
 * Returns false once the client is gone (the stream is closed), so callers can stop waiting.
 */
export function progressReporter(ctx: ServerContext, total: number) {
  const progressToken = ctx.mcpReq._meta?.progressToken;
  return async (progress: number, message: string): Promise<boolean> => {
    if (progressToken === undefined || ctx.mcpReq.signal.aborted) return !ctx.mcpReq.signal.aborted;
    try {
      await ctx.mcpReq.notify({ method: "notifications/progress", params: { progressToken, progress, total, message } });
      return true;
    } catch {
      return false;
    }
  };
}
