// The app is a single-page app: no server rendering, no prerendering; the Worker serves the shell.
export const ssr = false;
export const prerender = false;
