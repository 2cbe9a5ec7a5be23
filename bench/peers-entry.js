// The JS peers, bundled by esbuild into target/bench/peers.js for the benchmark page.
// redact-pii's synchronous redactor is imported from its own file: the package's index also
// loads its Google Cloud DLP client, which is neither local nor needed here.
import { SyncCompositeRedactor } from "redact-pii/lib/SyncCompositeRedactor.js";
import { PiiSanitizer } from "@cdssnc/sanitize-pii";

/** Each peer as `{ name, version, make() -> (text) => redacted text }`. */
export const peers = [
  {
    name: "redact-pii",
    version: "3.4.0",
    make: () => {
      const r = new SyncCompositeRedactor();
      return (text) => r.redact(text);
    },
  },
  {
    name: "@cdssnc/sanitize-pii",
    version: "2.1.1",
    make: () => {
      const s = new PiiSanitizer();
      return (text) => s.sanitize(text);
    },
  },
];
