"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/auth";
import { SIGNED_OUT_PARAM } from "@/lib/auth/safe-next-path";

/** Ends the session in the database and clears the cookie (through better-auth's nextCookies); the sign-in page then says so. */
export async function signOutAction(): Promise<void> {
  const auth = await getAuth();
  await auth.api.signOut({ headers: await headers() });
  redirect(`/sign-in?${SIGNED_OUT_PARAM}`);
}
