import type { ZodError } from "zod";

/** Reads the zod issues as one sentence a person (or a model) can act on. */
export function describeZodError(err: ZodError): string {
  return err.issues
    .map((i) => {
      const where = i.path.join(".");
      // Our own messages already name their field ("count must be …"); zod's defaults do not.
      return !where || i.message.startsWith(String(i.path[0])) ? i.message : `${where}: ${i.message}`;
    })
    .join("; ");
}
