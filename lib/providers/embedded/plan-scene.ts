import { hashSeed, mulberry32 } from "./rng";

export type Motif =
  | "sun" | "moon" | "stars" | "clouds" | "mountains" | "hills" | "dunes" | "water" | "beach"
  | "city" | "neon" | "forest" | "cat" | "quadruped" | "birds" | "blobs" | "grid"
  | "snow" | "rain" | "flowers" | "planet" | "bokeh" | "pines" | "broadleaf";

export type TimeOfDay = "day" | "sunset" | "night";

export interface ScenePlan {
  motifs: ReadonlySet<Motif>;
  time: TimeOfDay;
  /** No horizon at all: blobs and/or a grid over a gradient. */
  abstract: boolean;
}

const KEYWORDS: Record<string, readonly Motif[]> = {
  sun: ["sun"], sunny: ["sun"], sunshine: ["sun"], sunset: ["sun"], sunrise: ["sun"], dawn: ["sun"],
  dusk: ["sun"], golden: ["sun"], summer: ["sun", "hills"],
  moon: ["moon", "stars"], moonlight: ["moon", "stars"], moonlit: ["moon", "stars"], lunar: ["moon"],
  night: ["moon", "stars"], midnight: ["moon", "stars"], star: ["stars"], starry: ["stars"],
  mountain: ["mountains"], alp: ["mountains"], alpine: ["mountains"], peak: ["mountains"],
  summit: ["mountains"], volcano: ["mountains"], cliff: ["mountains"], canyon: ["mountains"],
  hill: ["hills"], valley: ["hills", "mountains"], countryside: ["hills"], landscape: ["hills"],
  sea: ["water"], ocean: ["water"], lake: ["water"], river: ["water"], water: ["water"], pond: ["water"],
  bay: ["water"], harbor: ["water", "city"], harbour: ["water", "city"], reflection: ["water"],
  wave: ["water"], beach: ["water", "beach"], coast: ["water", "beach"], shore: ["water", "beach"],
  island: ["water", "beach"], tropical: ["water", "beach", "sun"],
  city: ["city"], neon: ["city", "neon"], cyberpunk: ["city", "neon"], street: ["city"],
  skyline: ["city"], urban: ["city"], building: ["city"], skyscraper: ["city"], downtown: ["city"],
  metropolis: ["city"], town: ["city"], tower: ["city"],
  forest: ["forest"], tree: ["forest"], wood: ["forest"], woods: ["forest"], jungle: ["forest"],
  grove: ["forest"], park: ["forest", "hills", "broadleaf"],
  pine: ["forest", "pines"], fir: ["forest", "pines"], spruce: ["forest", "pines"], conifer: ["forest", "pines"],
  evergreen: ["forest", "pines"], taiga: ["forest", "pines"], christma: ["forest", "pines", "snow"],
  oak: ["forest", "broadleaf"], maple: ["forest", "broadleaf"], autumn: ["forest", "broadleaf"], orchard: ["forest", "broadleaf"],
  cat: ["cat"], kitten: ["cat"], fox: ["cat"], owl: ["cat"],
  dog: ["quadruped"], puppy: ["quadruped"], horse: ["quadruped"], deer: ["quadruped"], wolf: ["quadruped"],
  bird: ["birds"], seagull: ["birds"], gull: ["birds"], crow: ["birds"], flock: ["birds"],
  abstract: ["blobs"], blob: ["blobs"], fluid: ["blobs"], gradient: ["blobs"], minimal: ["blobs"],
  pattern: ["grid", "blobs"], geometric: ["grid"], grid: ["grid"], tile: ["grid"], mosaic: ["grid"],
  desert: ["dunes", "sun"], dune: ["dunes"], sand: ["dunes"], sahara: ["dunes", "sun"],
  snow: ["snow"], snowy: ["snow"], winter: ["snow"], ice: ["snow"], frozen: ["snow"],
  rain: ["rain", "clouds"], rainy: ["rain", "clouds"], storm: ["rain", "clouds"], thunder: ["rain", "clouds"],
  cloud: ["clouds"], cloudy: ["clouds"], sky: ["clouds"],
  flower: ["flowers"], garden: ["flowers"], meadow: ["flowers", "hills"], field: ["flowers", "hills"],
  spring: ["flowers"], bloom: ["flowers"], tulip: ["flowers"], rose: ["flowers"],
  space: ["planet", "stars"], galaxy: ["planet", "stars"], planet: ["planet", "stars"],
  nebula: ["planet", "stars"], cosmos: ["planet", "stars"], universe: ["planet", "stars"],
  bokeh: ["bokeh"], lantern: ["bokeh"], firefly: ["bokeh"], festival: ["bokeh"], lights: ["bokeh"],
};

const NIGHT = new Set(["night", "midnight", "moon", "moonlight", "moonlit", "lunar", "starry", "neon", "cyberpunk", "space", "galaxy", "nebula", "cosmos", "universe", "dark"]);
const SUNSET = new Set(["sunset", "sunrise", "dusk", "dawn", "twilight", "evening", "golden"]);

/** Compositions for prompts with no keyword hit, so unrelated prompts still get different scenes. */
const FALLBACKS: readonly (readonly Motif[])[] = [
  ["hills", "sun", "clouds"], ["mountains", "water"], ["dunes", "sun"], ["forest", "hills"],
  ["blobs"], ["water", "hills", "birds"], ["mountains", "forest"], ["hills", "flowers"], ["blobs", "grid"],
];

const GROUND: readonly Motif[] = ["mountains", "hills", "dunes", "water", "city", "forest"];

/** Whether the scene has land or water under the sky (a lone planet floats in open space). */
export function hasGround(plan: ScenePlan): boolean {
  return GROUND.some((m) => plan.motifs.has(m));
}

function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

export function planScene(prompt: string): ScenePlan {
  const words = (prompt.toLowerCase().match(/[a-z]+/g) ?? []).map(stem);
  const motifs = new Set<Motif>();
  for (const w of words) for (const m of KEYWORDS[w] ?? []) motifs.add(m);

  // Keyed on the word set only, so a seed varies the details of a scene rather than its subject.
  const wordRng = mulberry32(hashSeed("words", ...[...new Set(words)].sort()));
  const keywordHit = motifs.size > 0;
  if (!keywordHit) for (const m of wordRng.pick(FALLBACKS)) motifs.add(m);

  let time: TimeOfDay = wordRng.pick(["day", "day", "sunset", "sunset", "night"] as const);
  if (words.some((w) => SUNSET.has(w))) time = "sunset";
  else if (words.some((w) => NIGHT.has(w))) time = "night";
  else if (motifs.has("sun")) time = wordRng.chance(0.5) ? "day" : "sunset";
  else if (motifs.has("stars") || motifs.has("moon") || motifs.has("planet")) time = "night";

  if (time === "night") motifs.delete("sun");
  if (time === "night") motifs.add("stars");
  if (time === "night" && !motifs.has("planet")) motifs.add("moon");
  if (time !== "night" && !motifs.has("rain") && !motifs.has("planet") && !motifs.has("moon")) motifs.add("sun");

  const scenic: Motif[] = ["mountains", "hills", "dunes", "water", "city", "forest", "flowers", "cat", "quadruped"];
  const abstract = (motifs.has("blobs") || motifs.has("grid")) && !scenic.some((m) => motifs.has(m));
  // Figures and flowers need ground to stand on; a planet floats in open space instead.
  if (!abstract && !motifs.has("planet") && !GROUND.some((m) => motifs.has(m))) motifs.add("hills");
  return { motifs, time, abstract };
}
