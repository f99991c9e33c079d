import { apiRoute } from "@/lib/http/api-route";
import { getImage } from "@/lib/images/get-image";

export const GET = apiRoute<{ imageId: string }>({ scope: "images:read" }, ({ ctx, rt, params }) =>
  getImage({ ctx, input: { imageId: params.imageId }, store: rt.store }),
);
