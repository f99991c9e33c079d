import { authorizationServerRoute, discoveryOptions } from "@/lib/oauth/discovery";

export { authorizationServerRoute as GET, discoveryOptions as OPTIONS };
