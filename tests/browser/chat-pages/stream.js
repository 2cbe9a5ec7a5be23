// A streaming chat page: a contenteditable box and a Send button; the answer arrives as
// server-sent events read from fetch, and is written as it comes, either by appending a text node
// per chunk (?render=append) or by rewriting one text node with the whole text so far
// (?render=replace, as React does). The page knows nothing of phiscrub.
"use strict";
const box = document.getElementById("box");
const thread = document.getElementById("thread");
const render = new URLSearchParams(location.search).get("render") ?? "append";
window.pageMessages = [];
window.addEventListener("message", (e) => window.pageMessages.push(String(e.data)));

function bubble(role, text) {
  const div = document.createElement("div");
  div.dataset.messageAuthorRole = role;
  div.textContent = text;
  thread.append(div);
  return div;
}

async function send() {
  const message = box.innerText;
  if (message.trim() === "") return;
  box.textContent = "";
  bubble("user", message);
  const answer = bubble("assistant", "");
  const node = document.createTextNode("");
  if (render === "replace") answer.append(node);
  let whole = "";
  const res = await fetch("/api/stream", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ message }),
  });
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buf = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buf.indexOf("\n\n")) >= 0) {
      const event = buf.slice(0, cut);
      buf = buf.slice(cut + 2);
      if (event.startsWith("event: done")) {
        answer.dataset.done = "1";
        continue;
      }
      const chunk = JSON.parse(event.slice("data: ".length));
      whole += chunk;
      if (render === "replace") node.nodeValue = whole;
      else answer.append(chunk);
    }
  }
}

box.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey) {
    e.preventDefault();
    send();
  }
});
document.getElementById("send").addEventListener("click", send);
