// A plain chat page: a textarea in a form; Enter or the Send button posts the message and the
// answer arrives in one piece. The page knows nothing of phiscrub.
"use strict";
const box = document.getElementById("box");
const form = document.getElementById("composer");
const thread = document.getElementById("thread");
window.pageMessages = [];
window.addEventListener("message", (e) => window.pageMessages.push(String(e.data)));

function bubble(role, text) {
  const div = document.createElement("div");
  div.dataset.messageAuthorRole = role;
  div.textContent = text;
  thread.append(div);
  return div;
}

box.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey) {
    e.preventDefault();
    form.requestSubmit();
  }
});

form.addEventListener("submit", async (e) => {
  e.preventDefault();
  const message = box.value;
  if (message.trim() === "") return;
  box.value = "";
  bubble("user", message);
  const res = await fetch("/api/chat", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ message }),
  });
  const { answer } = await res.json();
  bubble("assistant", answer).dataset.done = "1";
});
