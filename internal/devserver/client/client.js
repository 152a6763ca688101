// The jepsh dev client: reloads the page when the app is rebuilt and shows
// compile errors in an overlay. Loaded as a file so it runs under the app's
// Content-Security-Policy; every message is rendered with textContent.
const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/__jepsh/ws";
let overlay = null;
let wasConnected = false;

function style() {
	if (document.querySelector("link[data-jepsh-overlay]")) return;
	const link = document.createElement("link");
	link.rel = "stylesheet";
	link.href = "/__jepsh/overlay.css";
	link.dataset.jepshOverlay = "";
	document.head.append(link);
}

function showErrors(errors) {
	hideErrors();
	style();
	overlay = document.createElement("div");
	overlay.className = "jepsh-overlay";
	overlay.setAttribute("role", "alert");
	const title = document.createElement("h1");
	title.textContent = errors.length === 1 ? "1 compile error" : errors.length + " compile errors";
	overlay.append(title);
	for (const e of errors) {
		const pre = document.createElement("pre");
		pre.className = "jepsh-error";
		pre.textContent = e.text;
		overlay.append(pre);
	}
	document.body.append(overlay);
}

function hideErrors() {
	if (overlay) overlay.remove();
	overlay = null;
	for (const el of document.querySelectorAll(".jepsh-overlay")) el.remove();
}

function connect() {
	const ws = new WebSocket(url);
	ws.onopen = () => {
		// A server that restarted has a new build: fetch it.
		if (wasConnected) location.reload();
		wasConnected = true;
	};
	ws.onmessage = (ev) => {
		const msg = JSON.parse(ev.data);
		if (msg.type === "reload") location.reload();
		else if (msg.type === "errors") showErrors(msg.errors);
		else if (msg.type === "ok") hideErrors();
	};
	ws.onclose = () => setTimeout(connect, 1000);
}

connect();
