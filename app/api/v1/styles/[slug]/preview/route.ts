import { renderStylePreview } from "@/lib/catalog/render-style-preview";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute<{ slug: string }>({ public: true }, async ({ rt, params }) => {
  const bytes = await renderStylePreview(rt.db, params.slug);
  return new Response(Buffer.from(bytes), {
    headers: { "content-type": "image/webp", "cache-control": "public, max-age=86400" },
  });
});
