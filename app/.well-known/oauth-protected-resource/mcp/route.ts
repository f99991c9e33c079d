import { discoveryOptions, protectedResourceRoute } from "@/lib/oauth/discovery";

export { protectedResourceRoute as GET, discoveryOptions as OPTIONS };
