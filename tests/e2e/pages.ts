/**
 * Every page a person can open, for the layout and accessibility sweep (pages.spec.ts).
 * `signedIn`: visited with the test user's session (which has a key and an image); the others
 * signed out. Add a page here and it is checked at both widths, in both themes.
 */
export interface SweptPage {
  name: string;
  path: string;
  signedIn: boolean;
  status?: number;
}

export const PAGES: SweptPage[] = [
  { name: "landing", path: "/", signedIn: false },
  { name: "sign-in", path: "/sign-in", signedIn: false },
  { name: "sign-up", path: "/sign-up", signedIn: false },
  { name: "docs-api", path: "/docs/api", signedIn: false },
  { name: "not-found", path: "/no-such-page", signedIn: false, status: 404 },
  { name: "dashboard", path: "/dashboard", signedIn: true },
  { name: "playground", path: "/playground", signedIn: true },
  { name: "images", path: "/images", signedIn: true },
  { name: "usage", path: "/usage", signedIn: true },
  { name: "credits", path: "/credits", signedIn: true },
  { name: "api-keys", path: "/settings/api-keys", signedIn: true },
  { name: "connected-apps", path: "/settings/connected-apps", signedIn: true },
  { name: "connect", path: "/connect", signedIn: true },
];

export const WIDTHS = [
  { width: 1440, height: 900, mobile: false },
  { width: 390, height: 844, mobile: true },
] as const;

export const THEMES = ["light", "dark"] as const;
