// The smallest page of the script tag: nothing here knows about phiscrub except waiting for it
// to be ready. It posts with its own fetch, and writes answers chunk by chunk.

const $ = (id) => document.getElementById(id);

/** Streams the SSE answer of `res` (`data: {"delta": ...}` events) into `el`, piece by piece. */
async function streamInto(res, el) {
  el.textContent = "";
  el.dataset.state = "streaming";
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const lines = buffer.split("\n");
    buffer = lines.pop();
    for (const line of lines) {
      const data = line.startsWith("data:") ? line.slice(5).trim() : "";
      if (data === "" || data === "[DONE]") continue;
      const delta = JSON.parse(data).delta;
      if (delta) el.append(delta);
    }
  }
  el.dataset.state = "done";
}

async function ask(text) {
  try {
    const res = await fetch("/api/chat", { method: "POST", headers: { "content-type": "text/plain" }, body: text });
    await streamInto(res, $("answer"));
  } catch (e) {
    $("answer").textContent = `Not sent (${e?.code ?? e?.name}).`;
    $("answer").dataset.state = "error";
  }
}

$("ask-send").addEventListener("click", () => ask($("ask").value));
$("ask-ce-send").addEventListener("click", () => ask($("ask-ce").innerText));
// The replay is not a guarded URL (data-match): its answer holds surrogates, and the
// data-phiscrub-answer element shows it restored.
$("replay").addEventListener("click", async () => streamInto(await fetch("/api/replay"), $("replayed")));
$("post").addEventListener("submit", () => ($("post").dataset.posted = String(Number($("post").dataset.posted ?? 0) + 1)));

window.phiscrub.ready.then(() => (document.body.dataset.ready = "true"));
