// The runtime's public surface for generated code: import { ... } from
// "jepsh/runtime". Re-exports only; bundling tree-shakes what a build uses.
export * from "./core.js";
export * from "./dom.js";
export * from "./list.js";
export * from "./lifecycle.js";
export * from "./router.js";
