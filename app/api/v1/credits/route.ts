import { getCredits } from "@/lib/credits/get-credits";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute({ scope: "credits:read" }, ({ ctx }) => getCredits({ ctx }));
