// Builds the peer implementations of the UI suite into dist/<impl>/:
// vanilla (hand-written, only bundled and minified), SolidJS (JSX compiled by
// babel-preset-solid) and Svelte 5 (svelte/compiler), all bundled by esbuild
// with the same settings. Writes dist/manifest.json with the library versions.
// The apps link no stylesheet: the harness serves src/common/style.css to
// every implementation alike.
//
//   node build.mjs [--out DIR]
import { readFile, writeFile, mkdir, copyFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { transformAsync } from "@babel/core";
import { compile } from "svelte/compiler";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const outFlag = process.argv.indexOf("--out");
const out = outFlag > 0 ? path.resolve(process.argv[outFlag + 1]) : path.join(here, "dist");

function version(pkg) {
  return JSON.parse(require("fs").readFileSync(path.join(here, "node_modules", pkg, "package.json"), "utf8")).version;
}

const solidPlugin = {
  name: "solid",
  setup(build) {
    build.onLoad({ filter: /\.jsx$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const result = await transformAsync(source, {
        filename: args.path,
        babelrc: false,
        configFile: false,
        presets: [[require.resolve("babel-preset-solid"), { generate: "dom" }]],
      });
      return { contents: result.code, loader: "js" };
    });
  },
};

const sveltePlugin = {
  name: "svelte",
  setup(build) {
    build.onLoad({ filter: /\.svelte$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const result = compile(source, { filename: args.path, generate: "client", dev: false });
      return { contents: result.js.code, loader: "js" };
    });
  },
};

const impls = {
  vanilla: { entry: "src/vanilla/main.js", plugins: [], libs: {} },
  solid: { entry: "src/solid/main.jsx", plugins: [solidPlugin], libs: { "solid-js": version("solid-js"), "babel-preset-solid": version("babel-preset-solid") } },
  svelte: { entry: "src/svelte/main.js", plugins: [sveltePlugin], libs: { svelte: version("svelte") } },
};

await rm(out, { recursive: true, force: true });
const manifest = { esbuild: esbuild.version, impls: {} };
for (const [name, impl] of Object.entries(impls)) {
  const dir = path.join(out, name);
  await mkdir(dir, { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(here, impl.entry)],
    outfile: path.join(dir, "main.js"),
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    platform: "browser",
    conditions: ["browser", "production"],
    define: { "process.env.NODE_ENV": '"production"' },
    plugins: impl.plugins,
    logLevel: "warning",
  });
  await copyFile(path.join(here, "src", name, "index.html"), path.join(dir, "index.html"));
  manifest.impls[name] = impl.libs;
}
await writeFile(path.join(out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log("built", Object.keys(impls).join(", "), "into", out);
