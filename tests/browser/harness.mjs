// Shared set-up for the browser tests: Debian's chromium through playwright-core (no browser is
// ever downloaded), the local server, and a record of every request a page makes.

import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";

/** The flags every headless Chromium of the project runs with (see shared TOOLCHAIN notes). */
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

/** The corpus documents, as in tests/data/corpus/structured.jsonl. */
export function corpus() {
  const url = new URL("../data/corpus/structured.jsonl", import.meta.url);
  return readFileSync(url, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l));
}

/**
 * What rehydrating a scrubbed document gives back: the text itself, except ages written in words
 * ("Nonagenarian", "in her 90s"), which are aggregated as `90+` and restored as such (the same
 * rule as tests/cli.rs's `expected_back`). Gold spans count code points.
 */
export function expectedBack(doc) {
  const text = Array.from(doc.text);
  let out = "";
  let at = 0;
  for (const s of doc.spans) {
    const span = text.slice(s.start, s.end).join("");
    if (s.label === "AGE" && !/^[0-9]+$/.test(span)) {
      out += text.slice(at, s.start).join("") + "90+";
      at = s.end;
    }
  }
  return out + text.slice(at).join("");
}

const MONTHS = [
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december",
];

/**
 * The one ambiguity a format-keeping date shift cannot avoid (as in tests/cli.rs): `Feb 21` and
 * `February 21` both become `May 9` when a date lands in May, and the vault restores the spelling
 * it saw first. True when `got` and `want` are equal once every month name is cut to 3 letters.
 */
export function sameButMonthSpelling(got, want) {
  const fold = (s) => {
    let t = s.toLowerCase();
    for (const m of MONTHS) t = t.split(m).join(m.slice(0, 3));
    return t.split("sept").join("sep");
  };
  return fold(got) === fold(want);
}

/**
 * Launches chromium with a fresh profile and starts the server. Every request of every page is
 * routed: those to the server go on, all others are aborted and listed in `foreign`.
 */
export async function start() {
  const server = await serve();
  const context = await chromium.launchPersistentContext("", {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ARGS,
  });
  const foreign = [];
  const requests = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url.startsWith(server.origin + "/")) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  const errors = [];
  /** A new page on the test page, the library loaded. */
  async function page() {
    const p = await context.newPage();
    p.on("pageerror", (e) => errors.push(String(e)));
    await p.goto(`${server.origin}/tests/browser/page.html`);
    await p.waitForFunction(() => window.pageReady === true);
    return p;
  }
  async function stop() {
    await context.close();
    await server.close();
  }
  return { origin: server.origin, context, page, foreign, requests, errors, stop };
}
