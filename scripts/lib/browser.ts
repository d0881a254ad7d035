/**
 * Serving portal pages locally and driving Chromium with the built extension, for the end-to-end
 * tests, the bench and `npm start`: one implementation for all, one job per module under
 * `browser/`.
 */
export * from "./browser/errors.ts";
export * from "./browser/launch.ts";
export * from "./browser/paths.ts";
export * from "./browser/portal-server.ts";
export * from "./browser/reading-marks.ts";
