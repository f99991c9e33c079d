/**
 * Light, dark, or whatever the system says. The choice lives in localStorage (a page never
 * needs it on the server), and an inline script in <head> applies it before the first paint,
 * so a dark-mode reader never sees a flash of the light theme. `system` also follows the
 * setting live when it changes (a phone switching at sunset).
 */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_STORAGE_KEY = "pixola-theme";
/** Fired on window when the toggle changes the theme, so every toggle on the page agrees. */
export const THEME_EVENT = "pixola-theme-change";

export const isTheme = (v: unknown): v is Theme => typeof v === "string" && (THEMES as readonly string[]).includes(v);

/**
 * Runs before the body renders: resolves the stored choice and puts `dark` (and the matching
 * `color-scheme`, for form controls and scrollbars) on <html>. Exposes the same function as
 * `window.__pixolaTheme` for the toggle. Plain ES5 so it runs anywhere; storage can throw
 * (blocked cookies), which falls back to the system setting.
 */
export const THEME_SCRIPT = `(function(){
var K=${JSON.stringify(THEME_STORAGE_KEY)},E=${JSON.stringify(THEME_EVENT)},d=document.documentElement,m=window.matchMedia("(prefers-color-scheme: dark)");
function read(){try{var t=localStorage.getItem(K);return t==="light"||t==="dark"?t:"system"}catch(e){return "system"}}
function apply(){var t=read(),dark=t==="dark"||(t==="system"&&m.matches);d.classList.toggle("dark",dark);d.style.colorScheme=dark?"dark":"light";d.dataset.theme=t}
apply();
m.addEventListener("change",apply);
window.addEventListener(E,apply);
window.addEventListener("storage",function(e){if(e.key===K)apply()});
})();`;
