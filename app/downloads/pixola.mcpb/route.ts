import { desktopExtension } from "@/lib/bundle/desktop-extension";
import { getConfig } from "@/lib/config";
import { errorResponse } from "@/lib/http/respond";
import { DomainError } from "@/lib/errors";
import { newRequestId } from "@/lib/ids";

export const runtime = "nodejs";

/** The Claude Desktop extension, with this instance's URL filled in. It holds no secret. */
export async function GET(): Promise<Response> {
  const archive = await desktopExtension(getConfig().appUrl);
  if (!archive) {
    const missing = new DomainError("not_found", "The desktop extension has not been built on this server: run `npm run build` (or `npm run bundle`).");
    return errorResponse(missing, newRequestId());
  }
  return new Response(archive as BodyInit, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": 'attachment; filename="pixola.mcpb"',
      "content-length": String(archive.byteLength),
      "cache-control": "no-cache",
    },
  });
}
