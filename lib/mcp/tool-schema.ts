import type { z } from "zod";

export const toolSchema = <T extends z.ZodType>(schema: T) => schema;
