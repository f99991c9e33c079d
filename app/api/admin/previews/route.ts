import { assertAdmin } from "@/lib/admin/keys";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { backfillPreviews, backfillPreviewsInput } from "@/lib/images/backfill-previews";

// Used by `npm run previews` when the server holds the embedded database (see app/api/admin/keys).
export const POST = apiRoute({ public: true }, async ({ req, rt }) => {
  assertAdmin(req, rt.config.adminToken);
  const { limit } = backfillPreviewsInput.parse(await readJson(req));
  return backfillPreviews({ db: rt.db, store: rt.store, maxImages: limit, signal: req.signal });
});
