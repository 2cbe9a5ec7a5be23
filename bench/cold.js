// Cold start as a page sees it on a first visit: import the library, fetch and compile the wasm,
// make a scrubber, and scrub one message, timed from before the import to the scrubbed text.
const t0 = performance.now();
const { Scrubber } = await import("../js/src/index.js");
const s = await Scrubber.open({ key: { ephemeral: true } });
const out = await s.scrub("Pt John Smith, DOB 03/14/1951, call 555-201-0147 re MRN 88213409.");
const ms = performance.now() - t0;
window.cold = { ms, sinceNavigation: performance.now(), scrubbed: out.entities.length };
