/** Set by proxy.ts on every page request: the path and query the browser asked for. */
export const REQUEST_PATH_HEADER = "x-pixola-request-path";
