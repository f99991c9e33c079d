import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import * as schema from "@/db/schema";
import { createWallet } from "@/lib/credits/create-wallet";
import { trustedOrigins } from "@/lib/http/trusted-origins";
import type { Runtime } from "@/lib/runtime";
import { getRuntime } from "@/lib/runtime";
import { authLogger } from "./auth-logger";
import { passwordStrengthHook } from "./password-hook";

function createAuth(rt: Runtime) {
  return betterAuth({
    baseURL: rt.config.appUrl,
    secret: rt.config.authSecret,
    // The same origins /mcp accepts, so sign-up works at http://127.0.0.1:$PORT as well as localhost.
    trustedOrigins: [...trustedOrigins(rt.config.appUrl, rt.config.mcpAllowedOrigins)],
    database: drizzleAdapter(rt.db, {
      provider: "pg",
      schema: { user: schema.user, session: schema.session, account: schema.account, verification: schema.verification },
    }),
    emailAndPassword: { enabled: true, minPasswordLength: 10, maxPasswordLength: 128 },
    rateLimit: { enabled: process.env.AUTH_RATE_LIMIT !== "off" },
    // Sign-up, password change and reset refuse easily guessed passwords (lib/auth/password-strength.ts).
    hooks: { before: passwordStrengthHook },
    databaseHooks: {
      user: {
        create: {
          // Every new account starts with the Free plan's credits.
          after: async (created) => createWallet(rt.db, created.id),
        },
      },
    },
    plugins: [nextCookies()],
    // JSON through our logger, errors by class and code only (lib/auth/auth-logger.ts).
    logger: authLogger,
  });
}

export type Auth = ReturnType<typeof createAuth>;

const g = globalThis as unknown as { __pixolaAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  return (g.__pixolaAuth ??= getRuntime().then(createAuth));
}
