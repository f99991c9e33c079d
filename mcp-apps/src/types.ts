import type { ImageLike } from "./images";

/** The tools' structured content as the views read it (lib/catalog/schemas.ts, lib/generation/schemas.ts). */
export interface Model {
  slug: string;
  name: string;
  description: string;
  bestFor: string;
  tags: string[];
  provider: string;
  available: boolean;
  default: boolean;
  pricing: { standard: number; hd: number };
}

export interface Image extends ImageLike {
  batchId: string;
  title: string;
  prompt: string;
  model: string;
  style: string;
  shape: string;
  quality: "standard" | "hd";
  seed: number;
  bytes: number | null;
  note: string | null;
  createdAt: string;
}

export interface Batch {
  batchId: string;
  status: string;
  prompt: string;
  model: string;
  style: string;
  shape: string;
  quality: string;
  count: number;
  images: ImageLike[];
  creditsCharged: number;
  creditsRefunded: number;
  error: string | null;
}
