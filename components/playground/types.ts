/** What the playground page hands its form: the catalog, trimmed to what the pickers show. */
export interface PickerModel {
  slug: string;
  name: string;
  description: string;
  available: boolean;
  pricing: { standard: number; hd: number };
}

export interface PickerStyle {
  slug: string;
  name: string;
  description: string;
  preview: string;
}

export interface PickerShape {
  slug: string;
  name: string;
  aspectRatio: string;
  width: number;
  height: number;
}

export interface PlaygroundCatalog {
  models: PickerModel[];
  styleGroups: { category: string; styles: PickerStyle[] }[];
  shapes: PickerShape[];
  defaults: { model: string; style: string; shape: string };
}

/** What the form starts with. */
export interface PlaygroundInitial {
  prompt: string;
  model: string;
  style: string;
  shape: string;
  quality: "standard" | "hd";
}
