// The npm package as its users get it: the tarball `npm pack` made (scripts/ci/build-npm.sh),
// installed offline into fresh projects, then used by (a) a Vite app built with `vite build` and
// run in Chromium, (b) a plain `<script type="module">` page with no bundler, (c) a Node script,
// and (d) a typed consumer checked with `tsc --noEmit`. Each runs a real scrub and rehydrate.
//
// Run: scripts/ci/test-packaging.sh (builds the package, then `node --test tests/packaging/`).

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
const NPM_DIR = join(ROOT, "target", "npm");
const INPUT = "Message from Maria Gonzalez: please call me at (555) 201-3344 tomorrow.";
const ARGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
  "--disable-background-networking", "--disable-component-update", "--no-first-run",
  "--disable-sync",
];

let tarball;
let work;
let browser;

before(async () => {
  const found = readdirSync(NPM_DIR).filter((f) => /^phiscrub-.*\.tgz$/.test(f));
  assert.equal(found.length, 1, "run scripts/ci/build-npm.sh first");
  tarball = join(NPM_DIR, found[0]);
  work = mkdtempSync(join(tmpdir(), "phiscrub-packaging-"));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ARGS,
  });
});

after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * A fresh project in `work/name` made of fixture files, with the tarball installed. `--offline`:
 * the package has no dependencies, so nothing may come from a registry.
 */
function project(name, files, type = "module") {
  const dir = join(work, name);
  for (const [from, to] of files) cpSync(join(FIXTURES, from), join(dir, to), { recursive: true });
  const manifest = { name: `consumer-${name}`, private: true, type, dependencies: { phiscrub: `file:${tarball}` } };
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return dir;
}

/**
 * Serves `dir`, opens it in Chromium, waits for the round trip and returns what the page shows.
 * Every request off the server is aborted and reported: the library makes none of its own.
 */
async function runPage(dir) {
  const server = await serve(dir);
  const context = await browser.newContext();
  const foreign = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(server.origin + "/")) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  const errors = [];
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  try {
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => document.body.dataset.status, null, { timeout: 60_000 });
    const shown = await page.evaluate(() => ({
      status: document.body.dataset.status,
      ...Object.fromEntries(
        ["input", "scrubbed", "labels", "restored", "storage"].map((id) => [id, document.getElementById(id).textContent]),
      ),
    }));
    return { shown, foreign, errors };
  } finally {
    await context.close();
    await server.close();
  }
}

/** The checks every consumer's round trip must pass. */
function assertRoundTrip({ text, labels, restored }) {
  assert.ok(!text.includes("Maria") && !text.includes("Gonzalez"), `name left in: ${text}`);
  assert.ok(!text.includes("201-3344"), `phone left in: ${text}`);
  assert.match(text, /555-01\d\d/, "the phone surrogate is in the fictional 555-01xx range");
  assert.deepEqual([...labels].sort(), ["NAME", "PHONE"]);
  assert.equal(restored, INPUT);
}

test("the tarball holds only the package's files", () => {
  const listed = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ""))
    .sort();
  const js = readdirSync(join(ROOT, "js", "src")).filter((f) => f.endsWith(".js") || f.endsWith(".d.ts"));
  const want = [
    "README.md", "package.json", "pkg/phiscrub.js", "pkg/phiscrub_bg.wasm", "pkg/phiscrub-dict.bin",
    ...js.map((f) => `js/src/${f}`),
  ].sort();
  assert.deepEqual(listed, want);
});

test("a Vite app (vite build, no configuration) scrubs and rehydrates in Chromium", async () => {
  const dir = project("vite-app", [["vite-app/main.js", "main.js"], ["roundtrip.js", "roundtrip.js"], ["page.html", "index.html"]]);
  const vite = join(ROOT, "node_modules", "vite", "bin", "vite.js");
  const built = spawnSync(process.execPath, [vite, "build", dir, "--logLevel", "warn"], { encoding: "utf8" });
  assert.equal(built.status, 0, built.stderr);
  const dist = join(dir, "dist");
  const assets = readdirSync(join(dist, "assets"));
  assert.ok(assets.some((f) => f.endsWith(".wasm")), `no wasm emitted: ${assets}`);
  assert.ok(assets.some((f) => /^phiscrub-dict.*\.bin$/.test(f)), `no dictionary file emitted: ${assets}`);
  const { shown, foreign, errors } = await runPage(dist);
  assert.equal(shown.status, "done", errors.join("\n"));
  assertRoundTrip({ text: shown.scrubbed, labels: shown.labels.split(","), restored: shown.restored });
  assert.equal(shown.storage, "indexeddb");
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
});

test("a plain <script type=module> page imports the browser entry with no bundler", async () => {
  const dir = project("plain", [["plain/main.js", "main.js"], ["roundtrip.js", "roundtrip.js"], ["page.html", "index.html"]]);
  const { shown, foreign, errors } = await runPage(dir);
  assert.equal(shown.status, "done", errors.join("\n"));
  assertRoundTrip({ text: shown.scrubbed, labels: shown.labels.split(","), restored: shown.restored });
  assert.equal(shown.storage, "indexeddb");
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
});

test("a Node script uses the node entry (wasm read from disk, memory vault)", () => {
  const dir = project("node", [["node/consumer.mjs", "consumer.mjs"]]);
  const out = JSON.parse(execFileSync(process.execPath, ["consumer.mjs"], { cwd: dir, encoding: "utf8" }));
  assertRoundTrip(out);
  assert.equal(out.storage, "memory");
  assert.equal(out.reopened, INPUT);
});

test("the types: a typed consumer passes tsc --noEmit, misuses are rejected", () => {
  const dir = project("typed", [["typed", "."]]);
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const ok = spawnSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], { encoding: "utf8" });
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  const bad = spawnSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.wrong.json")], { encoding: "utf8" });
  assert.notEqual(bad.status, 0);
  // One error on each line marked `// error`, and none elsewhere.
  const lines = new Set([...(bad.stdout + bad.stderr).matchAll(/wrong\.ts\((\d+),\d+\)/g)].map((m) => Number(m[1])));
  assert.deepEqual([...lines].sort((a, b) => a - b), [5, 6, 7, 8, 9, 10, 11], bad.stdout);
});
