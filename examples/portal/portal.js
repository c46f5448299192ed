// A portal's side of hoso's embedding protocol v1 (README, "Embedding in a portal").
//
// 1. Frame hoso (its address from ?hoso=, by default the same host's /dich-vu/hoso/).
// 2. Listen only to that frame's window and hoso's origin.
// 3. On hoso:ready, send hoso:init: the procedure, what the portal already knows of the person,
//    the agency's key to seal the package to.
// 4. Size the frame on hoso:resize; on hoso:package-ready check the package's SHA-256 before
//    taking it; record hoso:rating; on hoso:closed, hide the frame; on hoso:draft-not-saved,
//    warn that the work lives only in this page and ask before the page is left.
"use strict";

const params = new URLSearchParams(location.search);
const hosoUrl = new URL(params.get("hoso") || "/dich-vu/hoso/", location.href);
const hosoOrigin = hosoUrl.origin;
const frame = document.getElementById("hoso");
const result = document.getElementById("ket-qua");
const journal = document.getElementById("nhat-ky");

/** What hoso said, in order (read by the end-to-end test). */
window.portalReceived = [];

/** The person as the portal knows them after their VNeID sign-in (a real portal fills this
 *  from its own records). Keys are the declaration's questions (`hoso forms list`). */
const knownPerson = {
  "yeu-cau.ho-ten": params.get("ho-ten") || "Nguyễn Thị Ánh Tuyết",
};

function note(text) {
  const li = document.createElement("li");
  li.textContent = text;
  journal.append(li);
}

async function sha256Hex(blob) {
  const digest = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

window.addEventListener("message", async (event) => {
  // Only hoso's frame, only hoso's origin: anything else may be another site.
  if (event.source !== frame.contentWindow || event.origin !== hosoOrigin) return;
  const message = event.data;
  if (!message || typeof message.type !== "string" || !message.type.startsWith("hoso:")) return;
  window.portalReceived.push(message);
  note(message.type);
  switch (message.type) {
    case "hoso:ready": {
      // The person's language on the portal ("vi" or "en"). hoso answers a different one than it
      // shows by starting again in it, and says hoso:ready again: answer each one.
      const locale = params.get("lang") || "vi";
      const init = { type: "hoso:init", v: 1, locale, prefill: knownPerson, theme: { "--hoso-color-brand": "#a50e0e" } };
      if (params.get("procedure")) init.procedure = params.get("procedure");
      if (params.get("recipient")) init.recipients = [params.get("recipient")];
      frame.contentWindow.postMessage(init, hosoOrigin);
      break;
    }
    case "hoso:resize":
      frame.style.height = `${message.height}px`;
      break;
    case "hoso:package-ready": {
      const actual = await sha256Hex(message.blob);
      const intact = actual === message.sha256 && message.blob.size === message.size;
      window.portalPackage = { name: message.name, sha256: actual, intact, sealed: message.sealed, blob: message.blob };
      result.textContent = intact
        ? `Đã nhận gói hồ sơ «${message.name}» (${message.size} byte), mã kiểm tra SHA-256 khớp.`
        : `Gói hồ sơ «${message.name}» không khớp mã kiểm tra: không nhận.`;
      break;
    }
    case "hoso:draft-saved":
      window.onbeforeunload = null;
      break;
    case "hoso:draft-not-saved":
      // hoso has told the person inside the frame; the portal's own page must not lose the work
      // either (a link of the portal's menu, closing the tab).
      result.textContent = "Lưu ý: hồ sơ bạn đang khai chưa được lưu trên máy này, chỉ còn trên trang. Hãy hoàn tất, hoặc lưu hồ sơ ra tệp, trước khi rời trang.";
      window.onbeforeunload = (e) => e.preventDefault();
      break;
    case "hoso:rating":
      result.textContent = `Cảm ơn bạn đã đánh giá: ${message.rating.level}.`;
      break;
    case "hoso:closed":
      frame.hidden = true;
      result.textContent = "Bạn đã hoàn tất chuẩn bị hồ sơ.";
      break;
    case "hoso:error":
      console.warn("hoso:", message.problem?.kind, message.message);
      break;
  }
});

frame.src = hosoUrl.href;
