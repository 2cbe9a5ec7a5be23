// The popup: turns the extension on or off for the active tab's site, and shows how many
// identifiers were replaced in its last message (the badge's figure).

import { originOf, setSite, sites } from "./settings.js";
import { Tab } from "./messages.js";

const $ = (id) => document.getElementById(id);

async function main() {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  const origin = tab ? originOf(tab.url ?? "") : null;
  if (!origin) {
    $("origin").textContent = "This page cannot be wrapped.";
    return;
  }
  $("origin").textContent = origin;
  const toggle = $("toggle");
  toggle.checked = origin in (await sites());
  toggle.disabled = false;
  const badge = await chrome.action.getBadgeText({ tabId: tab.id });
  $("count").textContent = badge === "" ? "" : `Last message: ${badge} identifier(s) replaced.`;
  toggle.addEventListener("change", async () => {
    if (toggle.checked) {
      await setSite(origin, {});
      // The tab is already loaded: start wrapping now rather than at its next load.
      await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ["content.js"] });
    } else {
      await setSite(origin, null);
      await chrome.tabs.sendMessage(tab.id, { type: Tab.DETACH }).catch(() => {});
    }
  });
}

main();
