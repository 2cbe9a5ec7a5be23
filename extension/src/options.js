// The options page: the list of sites the extension wraps, their selectors, and "forget".

import { DEFAULTS, originOf, setSite, sites } from "./settings.js";
import { Req } from "./messages.js";

const $ = (id) => document.getElementById(id);

$("d-input").textContent = DEFAULTS.input;
$("d-send").textContent = DEFAULTS.send;
$("d-answer").textContent = DEFAULTS.answer;

/** Draws the enabled sites, one editable row each. */
async function render() {
  const all = await sites();
  const list = $("sites");
  list.replaceChildren();
  for (const [origin, s] of Object.entries(all).sort(([a], [b]) => a.localeCompare(b))) {
    const row = $("site-row").content.firstElementChild.cloneNode(true);
    row.dataset.origin = origin;
    row.querySelector(".origin").textContent = origin;
    for (const input of row.querySelectorAll("input")) input.value = s[input.name] ?? "";
    row.querySelector(".save").addEventListener("click", async () => {
      const next = {};
      for (const input of row.querySelectorAll("input")) {
        next[input.name] = input.name === "idleMs" ? Number(input.value) || "" : input.value.trim();
      }
      await setSite(origin, next);
    });
    row.querySelector(".remove").addEventListener("click", () => setSite(origin, null));
    list.append(row);
  }
}

$("add-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const origin = originOf($("new-origin").value.trim());
  if (!origin) {
    $("add-status").textContent = "Give an http:// or https:// address.";
    return;
  }
  const all = await sites();
  await setSite(origin, all[origin] ?? {});
  $("new-origin").value = "";
  $("add-status").textContent = `Enabled ${origin}. Reload its open tabs.`;
});

$("forget").addEventListener("click", async () => {
  const r = await chrome.runtime.sendMessage({ type: Req.FORGET });
  $("forget-status").textContent = r?.ok ? "Forgotten." : `Failed (${r?.code ?? "no answer"}).`;
});

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && "sites" in changes) render();
});
render();
