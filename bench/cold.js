// Cold start as a page sees it on a first visit: import the library, fetch and compile the wasm
// and fetch the dictionary file, make a scrubber, and scrub one message, timed from before the
// import to the scrubbed text. The phases are timed too, to say where a cold start goes: `wasm`
// is fetch + compile + instantiate of the wasm and, in parallel, fetch + check + load of the
// dictionary file (`Scrubber.preload`, as `open` does it), `open` makes the core (the detector's
// matchers are built there), `scrub` is the first call.
const t0 = performance.now();
const [{ Scrubber }] = await Promise.all([
  import("../js/src/index.js"),
  import("../pkg/phiscrub.js"),
]);
const t1 = performance.now();
await Scrubber.preload();
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
