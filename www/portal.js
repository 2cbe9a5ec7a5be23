// The demo portal's own code: a chat box that posts to the mock backend with the page's fetch
// (guarded by the phiscrub script tag), and the panels that show what the backend received.
// Everything it shows about the wire comes from the backend's log, not from the page's memory.

/** The demo patient: invented identifiers, registered with `addKnown`. */
const PATIENT = {
  name: "Dana Whitfield",
  birthDate: "03/14/1961",
  mrn: "41000123",
  phone: "(555) 201-7788",
  email: "dana.whitfield@example.org",
  address: "4821 N Oak Ridge Dr Apt 4B",
  relatives: ["Marco Whitfield"],
};
const PATIENT_LABELS = [
  ["name", "Name"],
  ["birthDate", "Date of birth"],
  ["mrn", "MRN"],
  ["phone", "Phone"],
  ["email", "Email"],
  ["address", "Address"],
  ["relatives", "Relatives"],
];

const SAMPLES = [
  "Hi, this is Dana Whitfield (DOB 03/14/1961, MRN 41000123). Since my visit with Dr. Amara Okafor on 10/02/2024 " +
    "my ankle is still swollen. Can someone call me at (555) 201-7788 or email dana.whitfield@example.org? " +
    "My husband Marco Whitfield can drive me in.",
  "My mother Ruth Castellanos is 93 and lives at 1150 Birchwood Lane, Eugene, OR 97401. She fell on March 3rd; " +
    "her Medicare ID is 1EG4-TE5-MK73. Please send the discharge notes to ruth.c@example.org.",
];
let nextSample = 0;

const $ = (id) => document.getElementById(id);
/** The scrubbed text and entities of each request the guarded fetch sent, by URL, latest last. */
const sent = [];

window.addEventListener("phiscrub:sent", (e) => sent.push(e.detail));

/** `text` into `pre`, with the spans `entities` ([{ label, start, end }]) as <mark>s. */
function showMarked(pre, text, entities) {
  pre.replaceChildren();
  let at = 0;
  for (const e of [...entities].sort((a, b) => a.start - b.start)) {
    if (e.start < at) continue;
    pre.append(text.slice(at, e.start));
    const mark = document.createElement("mark");
    mark.className = "sur";
    mark.title = e.label;
    mark.textContent = text.slice(e.start, e.end);
    pre.append(mark);
    at = e.end;
  }
  pre.append(text.slice(at));
}

/** Every occurrence in `text` of the surrogates in `fields` (as spans, for showMarked). */
function spansOf(text, fields) {
  const words = new Map();
  for (const f of fields) for (const e of f.entities) words.set(f.text.slice(e.start, e.end), e.label);
  const out = [];
  for (const [w, label] of words) {
    if (w.length < 2) continue;
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + w.length)) out.push({ label, start: i, end: i + w.length });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Shows the backend's log entry for the last message, highlighted with what was sent. */
async function showWire() {
  // /api/log is not guarded (data-match is /api/chat): it shows what the server holds, as is.
  const log = await (await fetch("/api/log", { cache: "no-store" })).json();
  const last = log.at(-1);
  const mine = sent.at(-1);
  if (!last || !mine) return;
  const fields = mine.fields;
  const message = fields.find((f) => f.path === "message");
  if (message && message.text === last.message) {
    showMarked($("received"), last.message, message.entities);
  } else {
    $("received").textContent = last.message;
  }
  showMarked($("answered"), last.answer, spansOf(last.answer, fields));
  $("received").dataset.id = String(last.id);
}

/** Sends `message`; streams the answer into a new exchange. */
async function send(message) {
  const item = $("exchange").content.firstElementChild.cloneNode(true);
  item.querySelector(".typed").textContent = message;
  const answer = item.querySelector(".answer");
  answer.dataset.state = "streaming";
  $("transcript").prepend(item);
  try {
    // The page's own fetch: the script tag scrubs the body and restores the streamed answer.
    const res = await fetch("/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message }),
    });
    if (!res.ok) throw new Error(`the server answered ${res.status}`);
    await readEvents(res.body, (delta) => answer.append(delta));
    answer.normalize();
    answer.dataset.state = "done";
  } catch (e) {
    answer.dataset.state = "error";
    answer.textContent = e?.code === "leak_blocked" ? `Not sent: ${e.message}.` : `Could not send (${e?.code ?? e?.message}).`;
  }
  await showWire();
}

/** Reads `data: {"delta": ...}` events from an SSE body, calling `onDelta` for each piece. */
async function readEvents(body, onDelta) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const lines = buffer.split("\n");
    buffer = lines.pop();
    for (const line of lines) {
      if (!line.startsWith("data:")) continue;
      const data = line.slice(5).trim();
      if (data === "" || data === "[DONE]") continue;
      const delta = JSON.parse(data).delta;
      if (delta) onDelta(delta);
    }
  }
}

function showPatient() {
  const dl = $("known");
  for (const [key, label] of PATIENT_LABELS) {
    const dt = document.createElement("dt");
    dt.textContent = label;
    const dd = document.createElement("dd");
    dd.textContent = Array.isArray(PATIENT[key]) ? PATIENT[key].join(", ") : PATIENT[key];
    dl.append(dt, dd);
  }
}

async function main() {
  showPatient();
  const s = await window.phiscrub.ready;
  s.addKnown(PATIENT);
  $("status").textContent = "Protected · ephemeral vault · runs in this tab";
  $("status").dataset.state = "ready";
  $("sample").addEventListener("click", () => {
    $("message").value = SAMPLES[nextSample++ % SAMPLES.length];
    $("message").focus();
  });
  $("composer").addEventListener("submit", async (e) => {
    e.preventDefault();
    const message = $("message").value.trim();
    if (message === "") return;
    $("send").disabled = true;
    try {
      await send(message);
      $("message").value = "";
    } finally {
      $("send").disabled = false;
    }
  });
  document.body.dataset.ready = "true";
}

main().catch((e) => {
  $("status").textContent = `phiscrub failed to start (${e?.code ?? e?.name})`;
  $("status").dataset.state = "error";
});
