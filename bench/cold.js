// Cold start as a page sees it on a first visit: import the library, fetch and compile the wasm
// and fetch the dictionary file, make a scrubber, and scrub one message, timed from before the
// import to the scrubbed text. The phases are timed too, to say where a cold start goes: `wasm`
// is fetch + compile + instantiate of the wasm and, in parallel, fetch + check + load of the
// dictionary file (`Scrubber.preload`, as `open` does it), `open` makes the core (the detector's
// matchers are built there), `scrub` is the first call.
//
// Two ways of loading the JS: as published (`cold.html`: js/src/index.js and the modules it
// imports, each its own request, found one level at a time), and as a host's bundler ships it
// (`cold.html?bundle`: one file, target/bench/phiscrub-bundle.js, which bench/run.mjs builds
// with esbuild). The wasm and the dictionary file are the same files either way.
const bundled = new URLSearchParams(location.search).has("bundle");
const t0 = performance.now();
const { Scrubber } = bundled
  ? await import("../target/bench/phiscrub-bundle.js")
  : (await Promise.all([import("../js/src/index.js"), import("../pkg/phiscrub.js")]))[0];
const t1 = performance.now();
await Scrubber.preload(
  bundled
    ? {
        wasm: new URL("../pkg/phiscrub_bg.wasm", import.meta.url),
        dictionaries: new URL("../pkg/phiscrub-dict.bin", import.meta.url),
      }
    : {},
);
const t2 = performance.now();
const s = await Scrubber.open({ key: { ephemeral: true } });
const t3 = performance.now();
const out = await s.scrub("Pt John Smith, DOB 03/14/1951, call 555-201-0147 re MRN 88213409.");
const t4 = performance.now();
window.cold = {
  ms: t4 - t0,
  phases: { import: t1 - t0, wasm: t2 - t1, open: t3 - t2, scrub: t4 - t3 },
  scrubbed: out.entities.length,
};
