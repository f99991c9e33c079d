import type { Canvas } from "@napi-rs/canvas";
import { drawAbstractBackground, drawBlobs, drawGrid, drawPlanet } from "./draw-abstract";
import { drawAnimal } from "./draw-animals";
import { drawCity, drawStreet } from "./draw-city";
import { drawClouds } from "./draw-clouds";
import { drawBirds, drawBokeh, drawFlowers, drawWeather } from "./draw-extras";
import { drawLight } from "./draw-light";
import { drawNebula, drawSky, drawStars } from "./draw-sky";
import { drawHills, drawMountains } from "./draw-terrain";
import { drawForest } from "./draw-trees";
import { drawBeach, drawWater } from "./draw-water";
import type { Frame } from "./frame";

/** Back-to-front painter's order; each motif decides where it sits relative to the horizon. */
export function composeScene(f: Frame, canvas: Canvas): void {
  const m = f.plan.motifs;
  const { H, horizon, rng } = f;
  if (f.plan.abstract) {
    drawAbstractBackground(f);
    if (m.has("blobs")) drawBlobs(f);
    if (m.has("grid")) drawGrid(f);
    if (m.has("bokeh") || f.hd) drawBokeh(f, rng.int(8, 16));
    return;
  }

  drawSky(f);
  if (m.has("planet")) drawNebula(f, rng.int(3, 5));
  else if (f.hd && f.plan.time === "night") drawNebula(f, 2);
  if (m.has("stars")) drawStars(f);
  drawLight(f);
  if (!m.has("planet") || m.has("clouds")) drawClouds(f);
  if (m.has("planet")) drawPlanet(f);
  // Over water only the part above the horizon survives the reflection, so don't paint below it.
  if (m.has("mountains")) drawMountains(f, m.has("water") ? horizon + 2 : H);
  if (m.has("city")) drawCity(f);

  if (m.has("water")) {
    // On water, land motifs become the far shore so the reflection can carry them.
    if (m.has("hills") || m.has("flowers")) drawHills(f, "hills", horizon, horizon);
    if (m.has("dunes")) drawHills(f, "dunes", horizon, horizon);
    if (m.has("forest")) drawForest(f, horizon, horizon, 0.45);
    drawWater(f, canvas);
    if (m.has("beach")) drawBeach(f);
    else if (m.has("cat") || m.has("quadruped")) drawHills(f, "hills", H - (H - horizon) * 0.22, H);
  } else {
    if (m.has("city")) drawStreet(f);
    if (m.has("dunes")) drawHills(f, "dunes", horizon, H);
    if (m.has("hills") || m.has("flowers")) drawHills(f, "hills", horizon, H);
    if (m.has("forest")) drawForest(f, horizon, H);
    if (m.has("flowers")) drawFlowers(f);
  }

  if (m.has("cat")) drawAnimal(f, "cat");
  else if (m.has("quadruped")) drawAnimal(f, "quadruped");
  if (m.has("birds")) drawBirds(f);
  if (m.has("bokeh") || (m.has("neon") && f.hd)) drawBokeh(f, rng.int(12, 24));
  drawWeather(f);
}
