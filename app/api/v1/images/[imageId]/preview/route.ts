import { apiRoute } from "@/lib/http/api-route";
import { sendPreview } from "@/lib/http/send-preview";
import { getImagePreview } from "@/lib/images/get-image-preview";

export const GET = apiRoute<{ imageId: string }>({ scope: "images:read" }, async ({ req, ctx, rt, params }) =>
  sendPreview(req, await getImagePreview({ ctx, input: { imageId: params.imageId }, store: rt.store })),
);
