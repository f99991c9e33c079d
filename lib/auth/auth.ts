import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import type { Config } from "@/lib/config";
import { createWallet } from "@/lib/credits/create-wallet";
import { trustedOrigins } from "@/lib/http/trusted-origins";
import { createMailer } from "@/lib/mail/mailer";
import { loopbackClientsHook } from "@/lib/oauth/loopback-clients-hook";
import { oauthPlugins } from "@/lib/oauth/oauth-plugins";
import { pruneOAuthClientsOccasionally } from "@/lib/oauth/prune-oauth-clients";
import { getRuntime } from "@/lib/runtime";
import { authLogger } from "./auth-logger";
import { beforeHooks } from "./before-hooks";
import { verificationEmail } from "./emails";
import { passwordStrengthHook } from "./password-hook";
import { signInLimitHooks } from "./sign-in-limit-hooks";
import { claimForNewUser, recordInviteForUser, signupPolicyHook } from "./signup-policy";

/** What auth needs from the runtime; tests and the CLI build it on their own database. */
export interface AuthDeps {
  db: Db;
  config: Pick<Config, "appUrl" | "authSecret" | "mcpAllowedOrigins" | "signup" | "freeCredits" | "smtpUrl" | "mailFrom"> &
    Partial<Pick<Config, "oauth">>;
}

export function createAuth({ db, config }: AuthDeps) {
  const mailer = config.smtpUrl ? createMailer(config.smtpUrl, config.mailFrom) : null;
  // Every account gets the Free plan's credits (or FREE_CREDITS) once: at creation, or, when
  // addresses are verified, at verification, so unverified sign-ups cannot farm credits.
  const grant = (userId: string) => createWallet(db, userId, config.freeCredits);
  const signInLimit = signInLimitHooks(db, config.authSecret);
  return betterAuth({
    baseURL: config.appUrl,
    secret: config.authSecret,
    // The same origins /mcp accepts, so sign-up works at http://127.0.0.1:$PORT as well as localhost.
    trustedOrigins: [...trustedOrigins(config.appUrl, config.mcpAllowedOrigins)],
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
        // The OAuth provider's (lib/oauth/oauth-plugins.ts).
        jwks: schema.jwks,
        oauthClient: schema.oauthClient,
        oauthResource: schema.oauthResource,
        oauthClientResource: schema.oauthClientResource,
        oauthRefreshToken: schema.oauthRefreshToken,
        oauthAccessToken: schema.oauthAccessToken,
        oauthConsent: schema.oauthConsent,
        oauthClientAssertion: schema.oauthClientAssertion,
      },
    }),
    emailAndPassword: { enabled: true, minPasswordLength: 10, maxPasswordLength: 128, requireEmailVerification: Boolean(mailer) },
    emailVerification: mailer
      ? {
          sendOnSignUp: true,
          // An unverified person who tries to sign in gets a fresh link (the first may have expired).
          sendOnSignIn: true,
          autoSignInAfterVerification: true,
          expiresIn: 24 * 3600,
          sendVerificationEmail: async ({ user, url }) => mailer.send(verificationEmail(user, url)),
          // Runs only when the address goes from unverified to verified; createWallet is idempotent too.
          afterEmailVerification: async (user) => grant(user.id),
        }
      : undefined,
    // Per client address (server.ts makes X-Forwarded-For the real one): better-auth's defaults
    // (sign-in 3 per 10 s…), and at most 10 sign-ups per address per hour.
    rateLimit: { enabled: process.env.AUTH_RATE_LIMIT !== "off", customRules: { "/sign-up/email": { window: 3600, max: 10 } } },
    hooks: {
      // The per-account sign-in limit first (lib/auth/sign-in-limit.ts), then the sign-up
      // policy (a closed server says so before judging a password), then password strength
      // on sign-up, change and reset (lib/auth/password-strength.ts).
      // Before a client registration, unused clients are pruned (at most hourly), and one with
      // only loopback redirects is registered as the native app it is.
      before: beforeHooks([
        signInLimit.before,
        signupPolicyHook(config.signup, db),
        passwordStrengthHook,
        async (ctx) => (ctx.path === "/oauth2/register" ? pruneOAuthClientsOccasionally(db) : undefined),
        loopbackClientsHook,
      ]),
      after: signInLimit.after,
    },
    databaseHooks: {
      user: {
        create: {
          before: async (_user, ctx) => claimForNewUser(config.signup, db, ctx),
          after: async (created, ctx) => {
            await recordInviteForUser(config.signup, db, ctx, created.id);
            if (!mailer || created.emailVerified) await grant(created.id);
          },
        },
      },
      session: {
        create: {
          // An account made while verification was on and never verified gets its grant when
          // the operator turns verification off and the person signs in.
          after: async (session) => (mailer ? undefined : grant(session.userId)),
        },
      },
    },
    // OAuth 2.1 for /mcp (jwt + @better-auth/mcp), then nextCookies, which must come last.
    plugins: [...oauthPlugins(config), nextCookies()],
    // JSON through our logger, errors by class and code only (lib/auth/auth-logger.ts).
    logger: authLogger,
  });
}

export type Auth = ReturnType<typeof createAuth>;

const g = globalThis as unknown as { __pixolaAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  return (g.__pixolaAuth ??= getRuntime().then((rt) => createAuth({ db: rt.db, config: rt.config })));
}
