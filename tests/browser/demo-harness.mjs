// Set-up for the tests of the pages in www/ (the demo portal, the plain script-tag page):
// Debian's chromium through playwright-core, the demo server (www/server.mjs) on a free port,
// and a record of every request the pages make. Builds www/phiscrub.js from pkg/ first
// (scripts/ci/build-script-tag.sh, well under a second), so the tests never run a stale bundle.

import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serveDemo } from "../../www/server.mjs";
import { corpus } from "./harness.mjs";

const ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

/** One structured corpus document in 11 (40 of 440): every kind of identifier, a quick run. */
export function sample() {
  return corpus().filter((_, i) => i % 11 === 0);
}

/** The gold originals of `doc` (span texts, gold offsets count code points). */
export function originals(doc) {
  const cps = Array.from(doc.text);
  return doc.spans.map((s) => ({ label: s.label, text: cps.slice(s.start, s.end).join("") }));
}

/**
 * Whether `text` holds the original `o` (`{ label, text }`) as a whole word, not inside a longer
 * word or number. An age written `90+` is the Safe Harbor aggregate, not the age `90`.
 */
export function holds(text, o) {
  const esc = o.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  if (o.label === "AGE") {
    // Two or three digits: not the digits of a longer number written in groups (a surrogate
    // phone or record number `35-77-43-94`), nor the aggregate `90+`.
    return new RegExp(`(?<!\\p{N}[-./()]?|\\p{L})${esc}(?![-./()]?\\p{N}|\\p{L}|\\+)`, "u").test(text);
  }
  return new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, "u").test(text);
}

/**
 * What the pages of www/ show back for `doc` under the default policy: the text itself, with
 * every age over 89 as the Safe Harbor aggregate `90+` (the vault holds no pair for it).
 */
export function aggregatedBack(doc) {
  const cps = Array.from(doc.text);
  let out = "";
  let at = 0;
  for (const s of doc.spans) {
    if (s.label !== "AGE") continue;
    out += cps.slice(at, s.start).join("") + "90+";
    at = s.end;
  }
  return out + cps.slice(at).join("");
}

/**
 * Starts the demo server and chromium. Every request is recorded as `{ url, method,
 * resourceType }`; requests leaving the server's origin are aborted and listed in `foreign`.
 */
export async function startDemo({ delayMs = 0 } = {}) {
  execFileSync(fileURLToPath(new URL("../../scripts/ci/build-script-tag.sh", import.meta.url)), { stdio: "ignore" });
  const server = await serveDemo({ delayMs });
  const context = await chromium.launchPersistentContext("", {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 860 },
  });
  const requests = [];
  const foreign = [];
  await context.route("**/*", (route) => {
    const r = route.request();
    const url = new URL(r.url());
    requests.push({ path: url.origin === server.origin ? url.pathname : r.url(), method: r.method(), type: r.resourceType() });
    if (url.origin === server.origin) return route.continue();
    foreign.push(r.url());
    return route.abort();
  });
  const errors = [];
  const consoleLines = [];
  async function page(path) {
    const p = await context.newPage();
    p.on("pageerror", (e) => errors.push(String(e)));
    p.on("console", (m) => consoleLines.push(m.text()));
    await p.goto(server.origin + path);
    await p.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 20000 });
    return p;
  }
  async function stop() {
    await context.close();
    await server.close();
  }
  return { origin: server.origin, log: server.log, context, page, requests, foreign, errors, consoleLines, stop };
}
