import { notFound, redirect } from "next/navigation";
import { isDomainError } from "@/lib/errors";

/** A stale or edited `?cursor=` sends the reader back to the first page instead of an error. */
export const onBadCursor = (basePath: string) => (err: unknown): never => {
  if (isDomainError(err) && err.code === "bad_request") redirect(basePath);
  throw err;
};

/** Missing and someone else's look the same: both are Next's 404. */
export const onNotFound = (err: unknown): never => {
  if (isDomainError(err) && err.code === "not_found") notFound();
  throw err;
};
