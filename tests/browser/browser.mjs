// browser.mjs: the browser tier. Starts the real stack (src/run.sh: nginx + the FastCGI app)
// on a free port with a fresh data dir, opens the public pages in Debian's headless Chromium
// through playwright-core, and checks each one: HTTP status, axe-core (no serious or critical
// violations), html-validate on the HTML as served, no horizontal scrolling at 375 px, no
// console errors or failed subresources under the app's real CSP; it saves screenshots to
// tests/out/screens/. Then it walks the «Версия для слабовидящих» switch by clicking links.
// Then the logged-in pages, reached through the real forms: the school admin (password from
// DATA_DIR/demo-accounts.txt) logs in, uploads a PDF and submits it; the curator returns it
// with a comment; the same checks run on the login page (also with a wrong password), both
// cabinets, the queue, the documents page (refused upload; returned, new-version form open;
// print; vi), the version page, the journal and the school page as its admin sees it.
// Last the coordinator's dashboard (also filtered and in the vi version) and the region's
// roll-up: the same checks, and every chart (svg) has a text alternative and its data table.
// Run from the repository root: node tests/browser/browser.mjs
// Prints "ok N - what" / "not ok N - what" and exits 1 if any check failed. Environment:
// APP (the binary run.sh starts), CHROMIUM (default /usr/bin/chromium).
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { HtmlValidate } from "html-validate";
import htmlvalidateConfig from "./.htmlvalidate.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = process.cwd();
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const SCREENS = path.join(ROOT, "tests", "out", "screens");
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };
const START_TIMEOUT_MS = 60_000;
const NAV_TIMEOUT_MS = 15_000; // a page of this portal renders in milliseconds
const WATCHDOG_MS = 10 * 60_000;

// The pages: name (screenshot file), path, expected status; phone: also a phone screenshot.
const PAGES = [
	{ name: "home", path: "/", status: 200 },
	{ name: "ust-ilimsk", path: "/ust-ilimsk/", status: 200 },
	{ name: "ust-ilimsk-school-sosh-5", path: "/ust-ilimsk/schools/sosh-5/", status: 200, phone: true },
	{ name: "ust-ilimsk-roadmap", path: "/ust-ilimsk/roadmap/", status: 200 },
	{ name: "ust-ilimsk-roadmap-overdue", path: "/ust-ilimsk/roadmap/?status=overdue", status: 200 },
	{ name: "ust-ilimsk-roadmap-item", path: "/ust-ilimsk/roadmap/items/61/", status: 200 },
	{ name: "ust-ilimsk-roadmap-schools", path: "/ust-ilimsk/roadmap/schools/", status: 200 },
	{ name: "ust-ilimsk-indicators", path: "/ust-ilimsk/indicators/", status: 200, phone: true },
	{ name: "dalnerechensk", path: "/dalnerechensk/", status: 200 },
	{ name: "dalnerechensk-school-sosh-vedenka", path: "/dalnerechensk/schools/sosh-vedenka/", status: 200 },
	{ name: "yeniseysk-roadmap", path: "/yeniseysk/roadmap/", status: 200 },
	{ name: "baley", path: "/baley/", status: 200 },
	{ name: "izhevsk", path: "/izhevsk/", status: 200 },
	{ name: "search", path: "/search?q=%D0%A1%D0%9E%D0%A8+%E2%84%96+7", status: 200, phone: true },
	{ name: "search-items", path: "/search?q=%D0%BE%D0%B1%D1%83%D1%87%D0%B0%D1%8E%D1%89%D0%B8%D1%85%D1%81%D1%8F&kind=item&page=2", status: 200 },
	{ name: "search-empty", path: "/search", status: 200 },
	{ name: "ust-ilimsk-school-news", path: "/ust-ilimsk/schools/sosh-5/news/", status: 200, phone: true },
	{ name: "opendata", path: "/opendata/", status: 200, phone: true },
	{ name: "not-found", path: "/net-takoy-stranitsy/", status: 404 },
	{ name: "not-found-school", path: "/ust-ilimsk/schools/net-takoy-shkoly/", status: 404 },
];

// The visually-impaired switch: the school page, then a link to another page of the portal.
const VI_START = "/ust-ilimsk/schools/sosh-5/";
const VI_ON_NAME = "Версия для слабовидящих";
const VI_OFF_NAME = "Обычная версия";

/* ---------- TAP output ---------- */

let count = 0;
let failed = 0;

function ok(cond, what, details) {
	count++;
	if (cond) {
		console.log(`ok ${count} - ${what}`);
	} else {
		failed++;
		console.log(`not ok ${count} - ${what}`);
		for (const line of [].concat(details ?? []))
			for (const l of String(line).split("\n")) console.log(`#   ${l}`);
	}
	return !!cond;
}

function note(msg) {
	for (const l of String(msg).split("\n")) console.log(`# ${l}`);
}

/* ---------- the stack: src/run.sh on a free port and a temp data dir ---------- */

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on("error", reject);
		srv.listen(0, "127.0.0.1", () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function groupAlive(pid) {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

class Stack {
	constructor() {
		this.proc = null;
		this.dataDir = null;
		this.output = "";
		this.exited = false;
	}

	async start() {
		this.port = await freePort();
		this.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kachestvo-browser-"));
		this.base = `http://127.0.0.1:${this.port}`;
		const env = { ...process.env, PORT: String(this.port), DATA_DIR: this.dataDir };
		if (process.env.APP) env.APP = process.env.APP;
		this.proc = spawn("sh", ["src/run.sh"], {
			cwd: ROOT,
			env,
			detached: true, // its own process group: nginx and the app die with it
			stdio: ["ignore", "pipe", "pipe"],
		});
		const keep = (d) => {
			this.output += d.toString();
			if (this.output.length > 20000) this.output = this.output.slice(-20000);
		};
		this.proc.stdout.on("data", keep);
		this.proc.stderr.on("data", keep);
		this.exitPromise = new Promise((r) => this.proc.on("exit", (code, sig) => {
			this.exited = true;
			r({ code, sig });
		}));

		const deadline = Date.now() + START_TIMEOUT_MS;
		let last = "no answer";
		while (Date.now() < deadline) {
			if (this.exited) return { up: false, why: "src/run.sh exited early" };
			try {
				const res = await fetch(`${this.base}/healthz`, { signal: AbortSignal.timeout(2000) });
				await res.arrayBuffer();
				if (res.status === 200) return { up: true };
				last = `GET /healthz: ${res.status}`;
			} catch (e) {
				last = `GET /healthz: ${e.cause?.code || e.message}`;
			}
			await sleep(250);
		}
		return { up: false, why: `no 200 from /healthz in ${START_TIMEOUT_MS / 1000} s (${last})` };
	}

	diagnostics() {
		const out = [];
		if (this.output.trim()) out.push("run.sh output:", ...this.output.trim().split("\n").slice(-15));
		for (const f of ["logs/app.log", "logs/nginx-error.log"]) {
			try {
				const text = fs.readFileSync(path.join(this.dataDir, f), "utf8").trim();
				if (text) out.push(`${f}:`, ...text.split("\n").slice(-10));
			} catch { /* not there */ }
		}
		return out;
	}

	async stop() {
		if (this.proc && this.proc.pid) {
			const pid = this.proc.pid;
			try { process.kill(-pid, "SIGTERM"); } catch { /* gone */ }
			const deadline = Date.now() + 10_000;
			while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
			if (groupAlive(pid)) {
				note("the stack ignored SIGTERM for 10 s; sending SIGKILL");
				try { process.kill(-pid, "SIGKILL"); } catch { /* gone */ }
			}
			if (!this.exited) await Promise.race([this.exitPromise, sleep(2000)]);
			this.proc = null;
		}
		if (this.dataDir) {
			fs.rmSync(this.dataDir, { recursive: true, force: true });
			this.dataDir = null;
		}
	}
}

/* ---------- checks on one page ---------- */

const AXE_SOURCE = fs.readFileSync(path.join(HERE, "node_modules", "axe-core", "axe.min.js"), "utf8");
const htmlvalidate = new HtmlValidate(htmlvalidateConfig);

async function axeViolations(page, what) {
	await page.addScriptTag({ content: AXE_SOURCE });
	const result = await page.evaluate(async () => {
		// eslint-disable-next-line no-undef
		const r = await axe.run(document, { resultTypes: ["violations"] });
		return r.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			targets: v.nodes.map((n) => n.target.join(" ")),
		}));
	});
	const bad = result.filter((v) => v.impact === "serious" || v.impact === "critical");
	const minor = result.filter((v) => !bad.includes(v));
	for (const v of minor)
		note(`axe (${v.impact}, not counted) ${what}: ${v.id}: ${v.help} @ ${v.targets.slice(0, 3).join(", ")}`);
	return [bad.length === 0,
		bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n  at ${v.targets.slice(0, 8).join("\n  at ")}` +
			(v.targets.length > 8 ? `\n  ... ${v.targets.length - 8} more` : ""))];
}

async function htmlValid(html, name, what) {
	const report = await htmlvalidate.validateString(html, `${name}.html`);
	const messages = report.results.flatMap((r) => r.messages);
	const errors = messages.filter((m) => m.severity === 2);
	for (const m of messages.filter((x) => x.severity !== 2))
		note(`html-validate warning ${what}: ${m.ruleId} ${m.line}:${m.column} ${m.message}`);
	const lines = html.split("\n");
	return [errors.length === 0,
		errors.slice(0, 25).map((m) => {
			const src = (lines[m.line - 1] || "").trim().slice(0, 160);
			return `${m.ruleId} ${m.line}:${m.column} ${m.message}` +
				(m.selector ? ` [${m.selector}]` : "") + `\n    ${src}`;
		}).concat(errors.length > 25 ? [`... ${errors.length - 25} more`] : [])];
}

async function noHorizontalScroll(page) {
	const m = await page.evaluate((vw) => {
		const de = document.documentElement;
		// The innermost elements that stick out of the viewport, to say what to fix.
		const out = [...(document.body ? document.body.querySelectorAll("*") : [])]
			.filter((el) => {
				const r = el.getBoundingClientRect();
				if (r.width === 0) return false;
				if (r.right > vw + 1) return true;
				// Text that spills out of a box which itself fits (a long unbreakable word).
				return getComputedStyle(el).overflowX === "visible" && r.left + el.scrollWidth > vw + 1;
			});
		const parents = new Set();
		for (const el of out) for (let p = el.parentElement; p; p = p.parentElement) parents.add(p);
		const wide = out.filter((el) => !parents.has(el)).map((el) => {
			let sel = el.tagName.toLowerCase();
			if (el.id) sel += `#${el.id}`;
			if (typeof el.className === "string" && el.className.trim())
				sel += "." + el.className.trim().split(/\s+/).join(".");
			const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
			return `${sel} (right edge ${Math.round(el.getBoundingClientRect().right)} px)` + (text ? ` «${text}»` : "");
		});
		return {
			scrollWidth: de.scrollWidth,
			innerWidth: window.innerWidth,
			viewportMeta: !!document.querySelector('meta[name="viewport"]'),
			wide: wide.slice(0, 6),
		};
	}, PHONE.width);
	return [m.scrollWidth <= PHONE.width + 1,
		[`scrollWidth ${m.scrollWidth} px, innerWidth ${m.innerWidth} px` +
			(m.viewportMeta ? "" : ' (no <meta name="viewport">: the phone lays the page out 980 px wide)'),
			...m.wide.map((w) => `sticks out: ${w}`)]];
}

// A context that keeps the app's CSP, to see what a real browser reports: console errors
// (a CSP violation shows up there) and subresources that fail or answer >= 400.
function watchProblems(page) {
	const problems = [];
	page.on("console", (msg) => {
		if (msg.type() !== "error") return;
		const loc = msg.location();
		// The 404 page itself is logged as a failed load; that status is checked on its own.
		if (/Failed to load resource/.test(msg.text()) && loc && loc.url === page.url()) return;
		problems.push(`console: ${msg.text()}`);
	});
	page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
	page.on("requestfailed", (req) => {
		if (req.resourceType() !== "document")
			problems.push(`failed: ${req.url()} (${req.failure()?.errorText})`);
	});
	page.on("response", (res) => {
		if (res.request().resourceType() !== "document" && res.status() >= 400)
			problems.push(`${res.status()}: ${res.url()}`);
	});
	return problems;
}

// One check: fn returns [passed, details]; an exception fails the check with its message.
async function check(what, fn) {
	try {
		const [cond, details] = await fn();
		return ok(cond, what, details);
	} catch (e) {
		return ok(false, what, e.message.split("\n").slice(0, 4));
	}
}

const AXE_WHAT = "axe-core finds no serious or critical violations";
const HTML_WHAT = "html-validate (recommended + document) finds no errors";
const SCROLL_WHAT = `no horizontal scrolling at ${PHONE.width} px`;

// The checks of one page state; each one prints its line even when the page fails to load.
// open(page) brings a fresh page into the state to check (a navigation, or a form filled in and
// sent, or a <details> opened) and returns the response of its document; it runs once in the
// desktop context (CSP bypassed, for axe-core) and once in the phone context (the real CSP).
async function checkState(desktop, phone, p, stack) {
	const what = p.what || p.path;
	const page = await desktop.newPage();
	let res = null;
	let loadError = "no response";
	try {
		res = await p.open(page);
	} catch (e) {
		loadError = e.message.split("\n")[0];
		for (const l of stack.diagnostics()) note(l);
	}
	const loaded = () => {
		if (!res) throw new Error(`the page did not load: ${loadError}`);
		return res;
	};
	let html = null;
	await check(`${what}: status ${p.status}`, () => [loaded().status() === p.status, `got ${res.status()}`]);
	await check(`${what}: served as text/html`, async () => {
		const type = loaded().headers()["content-type"] || "";
		// The HTML exactly as served, not the browser's re-serialisation.
		if (/^text\/html\b/i.test(type)) html = (await res.body()).toString("utf8");
		return [html !== null, `Content-Type: ${type || "(none)"}`];
	});
	await check(`${what}: ${HTML_WHAT}`, () => {
		if (html === null) throw new Error("no HTML to validate");
		return htmlValid(html, p.name, what);
	});
	await check(`${what}: the search box (a labelled GET form to /search)`, () => {
		if (html === null) throw new Error("no HTML to check");
		return [/<form class="site-search" method="get" action="\/search"/.test(html) && html.includes('<label for="site-q">'),
			"no search box in the page"];
	});
	await check(`${what}: ${AXE_WHAT}`, async () => {
		loaded();
		await page.screenshot({ path: path.join(SCREENS, `${p.name}.png`), fullPage: true });
		return axeViolations(page, what);
	});
	if (p.after) await p.after(page).catch((e) => ok(false, `${what}: the page shows what it should`, e.message));
	await page.close();

	// Phone: the app's CSP in force, so console errors show what a reader's browser refuses.
	const ph = await phone.newPage();
	const problems = watchProblems(ph);
	let phRes = null;
	let phError = "no response";
	try {
		phRes = await p.open(ph);
	} catch (e) {
		phError = e.message.split("\n")[0];
	}
	await check(`${what}: ${SCROLL_WHAT}`, async () => {
		if (!phRes) throw new Error(`the page did not load on the phone: ${phError}`);
		if (p.phone)
			await ph.screenshot({ path: path.join(SCREENS, `${p.name}-phone.png`), fullPage: true });
		return noHorizontalScroll(ph);
	});
	await check(`${what}: no console errors or failed subresources under the real CSP`, () => {
		if (!phRes) throw new Error(`the page did not load on the phone: ${phError}`);
		return [problems.length === 0, problems.slice(0, 10)];
	});
	await ph.close();
}

// A public page: just open it.
function checkPage(desktop, phone, base, p, stack) {
	return checkState(desktop, phone, { ...p, open: (page) => page.goto(base + p.path, { waitUntil: "load" }) }, stack);
}

/* ---------- behaviour: the visually-impaired version ---------- */

// What marks the visually-impaired version: the app's layout puts class "vi" on <body>
// (templates/layout.tpl) and keeps the choice in the cookie vi=1.
async function viState(page) {
	const cookies = await page.context().cookies();
	const dom = await page.evaluate(() => document.body.classList.contains("vi"));
	const cookie = cookies.some((c) => c.name === "vi" && c.value === "1");
	return { dom, cookie };
}

async function clickAndWait(page, locator) {
	await Promise.all([page.waitForNavigation({ waitUntil: "load" }), locator.click()]);
}

async function viBehaviour(browser, base) {
	const ctx = await browser.newContext({ viewport: DESKTOP, bypassCSP: true, locale: "ru-RU" });
	ctx.setDefaultNavigationTimeout(NAV_TIMEOUT_MS);
	const page = await ctx.newPage();
	try {
		const res = await page.goto(base + VI_START, { waitUntil: "load" });
		ok(res && res.status() === 200, `vi: ${VI_START} opens`, `got ${res && res.status()}`);
		let st = await viState(page);
		ok(!st.dom && !st.cookie, "vi: a first visit shows the ordinary version", JSON.stringify(st));

		const on = page.getByRole("link", { name: VI_ON_NAME });
		const nOn = await on.count();
		if (!ok(nOn >= 1, `vi: the page has a link «${VI_ON_NAME}»`, `found ${nOn}`)) return;
		const href = await on.first().getAttribute("href");
		let backOk = false;
		try {
			const u = new URL(href, base + VI_START);
			backOk = u.origin === base && u.pathname === "/vi/on" && u.searchParams.get("back") === VI_START;
		} catch { /* bad href */ }
		ok(backOk, `vi: its href is /vi/on?back=<this page>`, `href="${href}"`);

		await clickAndWait(page, on.first());
		const here = new URL(page.url());
		ok(here.pathname === VI_START, "vi: the switch brings the reader back to the same page", `now at ${page.url()}`);
		st = await viState(page);
		ok(st.dom, 'vi: the page is in the visually-impaired version (body class "vi")', JSON.stringify(st));
		ok(st.cookie, "vi: the choice is kept in the cookie vi=1", JSON.stringify(await ctx.cookies()));
		await page.screenshot({ path: path.join(SCREENS, "vi-school.png"), fullPage: true });
		await check(`vi ${VI_START}: ${AXE_WHAT}`, () => axeViolations(page, `vi ${VI_START}`));
		await check(`vi ${VI_START}: ${HTML_WHAT}`, async () => {
			const html = (await (await page.request.get(base + VI_START)).body()).toString("utf8");
			return htmlValid(html, "vi-school", `vi ${VI_START}`);
		});

		// Navigate by clicking a link to another page of the portal (not the switch itself).
		const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => a.getAttribute("href")));
		const origin = new URL(base).origin;
		const candidates = hrefs.filter((h) => {
			const u = new URL(h, base + VI_START);
			return u.origin === origin && !u.pathname.startsWith("/vi/") &&
				!u.pathname.startsWith("/static/") && u.pathname !== VI_START;
		});
		// Prefer the municipality's roadmap or home page: a different page family.
		const next = candidates.find((h) => /\/roadmap\/$/.test(new URL(h, base).pathname)) ||
			candidates.find((h) => new URL(h, base).pathname === "/ust-ilimsk/") || candidates[0];
		if (!ok(!!next, "vi: the page links to another page of the portal", `links: ${hrefs.join(" ")}`)) return;
		await clickAndWait(page, page.locator(`a[href="${next}"]`).first());
		const there = new URL(page.url()).pathname;
		ok(there !== VI_START, `vi: clicking a link leads to another page (${there})`, `now at ${page.url()}`);
		st = await viState(page);
		ok(st.dom && st.cookie, `vi: the mode persists on ${there}`, JSON.stringify(st));
		await page.setViewportSize(PHONE);
		await check(`vi ${there}: ${SCROLL_WHAT}`, () => noHorizontalScroll(page));
		await page.setViewportSize(DESKTOP);

		const off = page.getByRole("link", { name: VI_OFF_NAME });
		const nOff = await off.count();
		if (!ok(nOff >= 1, `vi: the page has a link «${VI_OFF_NAME}»`, `found ${nOff}`)) return;
		await clickAndWait(page, off.first());
		ok(new URL(page.url()).pathname === there, "vi: switching back stays on the same page", `now at ${page.url()}`);
		st = await viState(page);
		ok(!st.dom && !st.cookie, "vi: «Обычная версия» switches back to the ordinary version", JSON.stringify(st));
		ok(await page.getByRole("link", { name: VI_ON_NAME }).count() >= 1,
			`vi: the ordinary version offers «${VI_ON_NAME}» again`);
	} catch (e) {
		ok(false, "vi: the switch works by clicking links", e.message);
	} finally {
		await ctx.close();
	}
}

/* ---------- the logged-in pages: a school uploads, a curator returns the document ---------- */

const SCHOOL_LOGIN = "school-sosh-5";
const CURATOR_LOGIN = "curator-ust-ilimsk";
const SCHOOL_PATH = "/ust-ilimsk/schools/sosh-5/";
const DOCS_PATH = `${SCHOOL_PATH}docs/`;
const UPLOAD = {
	name: "Концепция.pdf",
	mimeType: "application/pdf",
	buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
};
const DOC_TYPE = "Концепция развития";
const DOC_TITLE = "Концепция развития школы на 2025–2030 годы";
const RETURN_COMMENT = "Добавьте раздел о кадровом обеспечении и план-график на 2026 год.";

// $DATA_DIR/demo-accounts.txt (written by run.sh on the first start): login TAB password TAB …
function demoAccounts(dataDir) {
	const accounts = new Map();
	const text = fs.readFileSync(path.join(dataDir, "demo-accounts.txt"), "utf8");
	for (const line of text.split("\n")) {
		const [login, password] = line.split("\t");
		if (login && password && !login.startsWith("#")) accounts.set(login.trim(), password.trim());
	}
	return accounts;
}

// Sends a form by clicking its button; returns the response of the page it leads to.
async function submitBy(page, button) {
	const [res] = await Promise.all([page.waitForNavigation({ waitUntil: "load" }), button.click()]);
	return res;
}

// Fills in and sends the login form; returns the response of the page it leads to.
async function logIn(page, base, login, password) {
	await page.goto(`${base}/login`, { waitUntil: "load" });
	await page.getByLabel("Логин").fill(login);
	await page.getByLabel("Пароль").fill(password);
	return submitBy(page, page.locator("main form").getByRole("button", { name: "Войти" }));
}

// A desktop context (CSP bypassed, for axe-core) and a phone context (the real CSP) of one reader.
async function readerContexts(browser) {
	const desktop = await browser.newContext({ viewport: DESKTOP, bypassCSP: true, locale: "ru-RU" });
	const phone = await browser.newContext({
		viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: "ru-RU",
	});
	desktop.setDefaultNavigationTimeout(NAV_TIMEOUT_MS);
	phone.setDefaultNavigationTimeout(NAV_TIMEOUT_MS);
	// The phone reads with the desktop's session (and its vi choice): copy the cookies over.
	const sync = async () => phone.addCookies(await desktop.cookies());
	return { desktop, phone, sync, close: async () => { await desktop.close(); await phone.close(); } };
}

async function openDetails(page) {
	const summary = page.locator("details.revise summary").first();
	if (await summary.count()) await summary.click();
}

// The coordinator loads results: the form, then the preview of the sample file with its
// confirmation, each checked like every other page.
async function resultsFlow(browser, stack) {
	const base = stack.base, login = "coord-ust-ilimsk", form = "/ust-ilimsk/results/import";
	const coord = await readerContexts(browser);
	try {
		const cp = await coord.desktop.newPage();
		const res = await logIn(cp, base, login, demoAccounts(stack.dataDir).get(login));
		if (!ok(res && res.status() === 200, `flow: ${login} logs in`, `now at ${cp.url()}`)) return;
		await coord.sync();
		await checkState(coord.desktop, coord.phone, { name: "results-import", path: form, status: 200, phone: true,
			open: (pg) => pg.goto(base + form, { waitUntil: "load" }) }, stack);
		await checkState(coord.desktop, coord.phone, {
			name: "results-preview", what: `${form} (preview of the sample file)`, status: 200, phone: true,
			open: async (pg) => {
				await pg.goto(base + form, { waitUntil: "load" });
				await pg.locator("#file").setInputFiles(path.join(ROOT, "static", "results-sample.tsv"));
				return submitBy(pg, pg.getByRole("button", { name: "Проверить файл" }));
			},
			after: async (pg) => ok(await pg.getByRole("button", { name: /^Загрузить \(/ }).count() === 1,
				`${form}: the preview offers the confirmation`),
		}, stack);
	} finally {
		await coord.close();
	}
}

async function insiderFlow(browser, stack) {
	const base = stack.base;
	let accounts;
	try {
		accounts = demoAccounts(stack.dataDir);
	} catch (e) {
		ok(false, "flow: the demo accounts are in DATA_DIR/demo-accounts.txt", e.message);
		return;
	}
	if (!ok(accounts.has(SCHOOL_LOGIN) && accounts.has(CURATOR_LOGIN),
		`flow: demo-accounts.txt has ${SCHOOL_LOGIN} and ${CURATOR_LOGIN}`, `logins: ${[...accounts.keys()].join(" ")}`))
		return;
	const page = (path_) => (pg) => pg.goto(base + path_, { waitUntil: "load" });

	/* the school: the login page, a wrong password, logging in, uploading, submitting */
	const school = await readerContexts(browser);
	let docId = null;
	try {
		await checkState(school.desktop, school.phone, { name: "login", path: "/login", status: 200, phone: true,
			open: page("/login") }, stack);
		await checkState(school.desktop, school.phone, {
			name: "login-error", what: "/login (wrong password)", status: 401, phone: true,
			open: (pg) => logIn(pg, base, SCHOOL_LOGIN, "не-тот-пароль"),
			after: async (pg) => {
				const alert = pg.getByRole("alert");
				ok(await alert.count() === 1 && /Неверный логин или пароль/.test(await alert.innerText()),
					"/login (wrong password): the error is shown as role=alert",
					`alerts: ${await alert.allInnerTexts()}`);
				const described = await pg.getByLabel("Логин").getAttribute("aria-describedby");
				ok(described && await pg.locator(`#${described}`).count() === 1,
					"/login (wrong password): the login field is described by the error", `aria-describedby=${described}`);
			},
		}, stack);

		const dp = await school.desktop.newPage();
		const res = await logIn(dp, base, SCHOOL_LOGIN, accounts.get(SCHOOL_LOGIN));
		if (!ok(res && res.status() === 200 && new URL(dp.url()).pathname === "/cabinet/",
			`flow: ${SCHOOL_LOGIN} logs in through the form and lands in /cabinet/`,
			[`now at ${dp.url()}, status ${res && res.status()}`, ...stack.diagnostics()]))
			throw null;
		await school.sync();
		await checkState(school.desktop, school.phone, { name: "cabinet-school", what: "/cabinet/ (school)",
			status: 200, phone: true, open: page("/cabinet/") }, stack);
		await checkState(school.desktop, school.phone, { name: "my-items", what: "/my/ (school)",
			status: 200, phone: true, open: page("/my/") }, stack);
		await checkState(school.desktop, school.phone, { name: "mail-settings", what: "/settings/mail (school)",
			status: 200, phone: true, open: page("/settings/mail") }, stack);
		await checkState(school.desktop, school.phone, { name: "roadmap-item-school",
			what: "/ust-ilimsk/roadmap/items/61/ (school, with the form)", status: 200, phone: true,
			open: page("/ust-ilimsk/roadmap/items/61/") }, stack);

		// A file of a type the portal refuses: the form comes back with its errors.
		await checkState(school.desktop, school.phone, {
			name: "docs-upload-error", what: `${DOCS_PATH} (refused upload)`, status: 422, phone: true,
			open: async (pg) => {
				await pg.goto(base + DOCS_PATH, { waitUntil: "load" });
				await pg.getByLabel("Вид документа").selectOption({ label: DOC_TYPE });
				await pg.locator("#title").fill(DOC_TITLE);
				await pg.locator("#file").setInputFiles({ name: "заметки.txt", mimeType: "text/plain",
					buffer: Buffer.from("просто текст\n") });
				return submitBy(pg, pg.getByRole("button", { name: "Загрузить", exact: true }));
			},
			after: async (pg) => {
				const described = await pg.locator("#file").getAttribute("aria-describedby");
				ok(await pg.getByRole("alert").count() === 1 && described &&
					await pg.locator(`#${described}.err`).count() === 1,
				`${DOCS_PATH} (refused upload): an alert, and the file field is described by its error`,
				`aria-describedby=${described}`);
			},
		}, stack);

		// Upload through the form.
		await dp.goto(base + DOCS_PATH, { waitUntil: "load" });
		await dp.getByLabel("Вид документа").selectOption({ label: DOC_TYPE });
		await dp.locator("#title").fill(DOC_TITLE);
		await dp.locator("#file").setInputFiles(UPLOAD);
		const up = await submitBy(dp, dp.getByRole("button", { name: "Загрузить", exact: true }));
		const m = /\/docs\/(\d+)\/$/.exec(new URL(dp.url()).pathname);
		if (!ok(up && up.status() === 200 && m, "flow: the upload form stores the PDF and opens its version page",
			[`now at ${dp.url()}, status ${up && up.status()}`, ...stack.diagnostics()]))
			throw null;
		docId = m[1];
		ok((await dp.locator("main").innerText()).includes(UPLOAD.name),
			`flow: the version page names the file «${UPLOAD.name}»`);

		// Submit it for review from the documents page.
		await dp.goto(base + DOCS_PATH, { waitUntil: "load" });
		const sub = await submitBy(dp, dp.getByRole("button", { name: "Отправить на проверку" }));
		ok(sub && sub.status() === 200 && (await dp.locator("main .status-submitted").count()) > 0,
			"flow: «Отправить на проверку» puts the document on review", `now at ${dp.url()}, status ${sub && sub.status()}`);
		await dp.close();
	} catch (e) {
		if (e !== null) ok(false, "flow: the school uploads and submits a document", e.message.split("\n").slice(0, 4));
	}
	if (docId === null) return school.close();

	/* the curator: the cabinet, the queue with the document, returning it with a comment */
	const curator = await readerContexts(browser);
	let returned = false;
	try {
		const cp = await curator.desktop.newPage();
		const res = await logIn(cp, base, CURATOR_LOGIN, accounts.get(CURATOR_LOGIN));
		if (!ok(res && res.status() === 200 && new URL(cp.url()).pathname === "/cabinet/",
			`flow: ${CURATOR_LOGIN} logs in through the form and lands in /cabinet/`, `now at ${cp.url()}`))
			throw null;
		await curator.sync();
		await checkState(curator.desktop, curator.phone, { name: "cabinet-curator", what: "/cabinet/ (curator)",
			status: 200, phone: true, open: page("/cabinet/") }, stack);
		await checkState(curator.desktop, curator.phone, { name: "review", what: "/review/ (with a document)",
			status: 200, phone: true, open: page("/review/") }, stack);

		await cp.goto(`${base}/review/`, { waitUntil: "load" });
		const card = cp.locator("article.review-card").filter({ has: cp.locator(`a[href="${DOCS_PATH}${docId}/"]`) });
		if (!ok(await card.count() === 1, "flow: the document is in the curator's queue", `cards: ${await card.count()}`))
			throw null;
		await card.getByLabel("Вернуть на доработку").check();
		await card.getByLabel(/Комментарий/).fill(RETURN_COMMENT);
		const rv = await submitBy(cp, card.getByRole("button", { name: "Сохранить решение" }));
		returned = rv && rv.status() === 200 && new URL(cp.url()).pathname === "/review/" &&
			(await cp.locator(`a[href="${DOCS_PATH}${docId}/"]`).count()) === 0;
		ok(returned, "flow: «Вернуть на доработку» with a comment takes the document off the queue",
			`now at ${cp.url()}, status ${rv && rv.status()}`);
		await cp.close();
	} catch (e) {
		if (e !== null) ok(false, "flow: the curator returns the document", e.message.split("\n").slice(0, 4));
	} finally {
		await curator.close();
	}

	/* the school again: the returned document, its version page, the journal, the vi version */
	try {
		const openDocs = async (pg) => {
			const r = await pg.goto(base + DOCS_PATH, { waitUntil: "load" });
			await openDetails(pg);
			return r;
		};
		await checkState(school.desktop, school.phone, {
			name: "docs", what: `${DOCS_PATH} (returned, new version open)`, status: 200, phone: true, open: openDocs,
			after: async (pg) => {
				ok(returned && (await pg.locator("li.doc.latest .status-returned").count()) === 1,
					`${DOCS_PATH}: the document shows as returned`);
				ok(await pg.locator("details.revise[open] input[type=file]").isVisible(),
					`${DOCS_PATH}: «Загрузить новую версию» opens the new-version form`);
				// On paper: no forms, no buttons (print styles in site.css).
				await pg.emulateMedia({ media: "print" });
				const shown = await pg.evaluate(() => [...document.querySelectorAll("form, button, details, a.button")]
					.filter((el) => el.getClientRects().length > 0).map((el) => el.tagName.toLowerCase()));
				await pg.screenshot({ path: path.join(SCREENS, "docs-print.png"), fullPage: true });
				await pg.emulateMedia({ media: "screen" });
				ok(shown.length === 0, `${DOCS_PATH}: the print version hides forms and buttons`, `shown: ${shown.join(" ")}`);
			},
		}, stack);
		await checkState(school.desktop, school.phone, {
			name: "doc", path: `${DOCS_PATH}${docId}/`, status: 200, phone: true, open: page(`${DOCS_PATH}${docId}/`),
			after: async (pg) => ok((await pg.locator("main").innerText()).includes(RETURN_COMMENT),
				`${DOCS_PATH}${docId}/: the history shows the curator's comment`),
		}, stack);
		await checkState(school.desktop, school.phone, { name: "audit", path: `${SCHOOL_PATH}audit/`, status: 200,
			phone: true, open: page(`${SCHOOL_PATH}audit/`) }, stack);
		await checkState(school.desktop, school.phone, { name: "school-insider", what: `${SCHOOL_PATH} (school admin)`,
			status: 200, phone: true, open: page(SCHOOL_PATH) }, stack);

		const vp = await school.desktop.newPage();
		await vp.goto(base + DOCS_PATH, { waitUntil: "load" });
		await clickAndWait(vp, vp.getByRole("link", { name: VI_ON_NAME }).first());
		await vp.close();
		await school.sync();
		await checkState(school.desktop, school.phone, {
			name: "vi-docs", what: `vi ${DOCS_PATH}`, status: 200, phone: true, open: openDocs,
			after: async (pg) => ok((await viState(pg)).dom, `vi ${DOCS_PATH}: the page is in the visually-impaired version`),
		}, stack);
	} catch (e) {
		ok(false, "flow: the school's pages after the review", e.message.split("\n").slice(0, 4));
	} finally {
		await school.close();
	}
}

/* ---------- the coordinator's dashboard and the region's roll-up ---------- */

const COORD_LOGIN = "coord-ust-ilimsk";
const ADMIN_LOGIN = "admin";
const DASH_PATH = "/ust-ilimsk/dashboard/";

// Every chart (svg) has a text alternative and a data table in its own section.
async function chartsHaveTables(page, what) {
	const bad = await page.evaluate(() => [...document.querySelectorAll("main svg")].flatMap((svg, i) => {
		const named = svg.getAttribute("role") === "img" &&
			(svg.getAttribute("aria-label") || svg.getAttribute("aria-labelledby") || svg.querySelector("title"));
		const section = svg.closest("section");
		const table = section && section.querySelector("table");
		return named && table ? [] : [`svg ${i}: ${named ? "" : "no text alternative "}${table ? "" : "no data table"}`];
	}));
	const n = await page.locator("main svg").count();
	ok(n > 0 && bad.length === 0, `${what}: every chart (${n} svg) has a text alternative and its data table`, bad);
}

async function dashboardFlow(browser, stack) {
	const base = stack.base;
	const accounts = demoAccounts(stack.dataDir);
	const page = (path_) => (pg) => pg.goto(base + path_, { waitUntil: "load" });
	for (const [login, pages] of [
		[COORD_LOGIN, [
			{ name: "dashboard", path: DASH_PATH },
			{ name: "dashboard-filtered", what: `${DASH_PATH} (filtered)`,
				path: `${DASH_PATH}?programme=500plus&procedure=grade10` },
		]],
		[ADMIN_LOGIN, [{ name: "dashboard-region", path: "/dashboard/" }]],
	]) {
		const reader = await readerContexts(browser);
		try {
			const lp = await reader.desktop.newPage();
			const res = await logIn(lp, base, login, accounts.get(login));
			if (!ok(res && res.status() === 200, `dashboard: ${login} logs in`, `now at ${lp.url()}`))
				throw null;
			await lp.close();
			await reader.sync();
			for (const p of pages)
				await checkState(reader.desktop, reader.phone, {
					...p, status: 200, phone: true, open: page(p.path),
					after: (pg) => chartsHaveTables(pg, p.what || p.path),
				}, stack);
			if (login === COORD_LOGIN) {
				const vp = await reader.desktop.newPage();
				await vp.goto(base + DASH_PATH, { waitUntil: "load" });
				await clickAndWait(vp, vp.getByRole("link", { name: VI_ON_NAME }).first());
				await vp.close();
				await reader.sync();
				await checkState(reader.desktop, reader.phone, {
					name: "vi-dashboard", what: `vi ${DASH_PATH}`, status: 200, open: page(DASH_PATH),
					after: async (pg) => {
						ok((await viState(pg)).dom, `vi ${DASH_PATH}: the page is in the visually-impaired version`);
						const shown = await pg.locator("main .spark-text").first().isVisible();
						ok(shown, `vi ${DASH_PATH}: the trend lines' text is shown in place of the hidden svg`);
					},
				}, stack);
			}
		} catch (e) {
			if (e !== null) ok(false, `dashboard: ${login}'s pages`, e.message.split("\n").slice(0, 4));
		} finally {
			await reader.close();
		}
	}
}

// The section's texts: the coordinator writes a post with Markdown (preview, then save),
// then the editor, the history, the freshness list and the public news pages are checked.
const CONTENT_MD = "# Итоги месяца\n\n- проведён педсовет\n- обновлена [дорожная карта](/ust-ilimsk/roadmap/)\n\n<script>alert(1)</script>";

async function contentFlow(browser, stack) {
	const base = stack.base;
	const reader = await readerContexts(browser);
	const page = (path_) => (pg) => pg.goto(base + path_, { waitUntil: "load" });
	const fillPost = async (pg) => {
		await pg.goto(`${base}/ust-ilimsk/content/news`, { waitUntil: "load" });
		await pg.getByLabel("Заголовок").fill("Новости программы");
		await pg.getByLabel("Текст").fill(CONTENT_MD);
	};
	try {
		const accounts = demoAccounts(stack.dataDir);
		const lp = await reader.desktop.newPage();
		const res = await logIn(lp, base, COORD_LOGIN, accounts.get(COORD_LOGIN));
		if (!ok(res && res.status() === 200, `content: ${COORD_LOGIN} logs in`, `now at ${lp.url()}`))
			throw null;
		await reader.sync();
		await checkState(reader.desktop, reader.phone, {
			name: "content-preview", what: "/ust-ilimsk/content/news (preview)", status: 200, phone: true,
			open: async (pg) => { await fillPost(pg); return submitBy(pg, pg.getByRole("button", { name: "Предпросмотр" })); },
			after: async (pg) => ok(await pg.locator("section.preview li").count() === 2 &&
				await pg.locator("section.preview script").count() === 0,
				"content: the preview renders the list and drops the script"),
		}, stack);
		await fillPost(lp);
		const saved = await submitBy(lp, lp.getByRole("button", { name: "Сохранить" }));
		ok(saved && saved.status() === 200 && lp.url().endsWith("/ust-ilimsk/content/"), "content: the post is saved", lp.url());
		const href = await lp.locator("ul.news-admin a").first().getAttribute("href");
		const id = (href || "").split("/").filter(Boolean).pop();
		await lp.close();
		for (const p of [
			{ name: "content", path: "/ust-ilimsk/content/" },
			{ name: "content-versions", path: `/ust-ilimsk/content/${id}/versions/` },
			{ name: "freshness", path: "/ust-ilimsk/freshness/" },
			{ name: "news", path: "/ust-ilimsk/news/" },
			{ name: "news-post", path: `/ust-ilimsk/news/${id}/` },
		])
			await checkState(reader.desktop, reader.phone, { ...p, status: 200, phone: true, open: page(p.path) }, stack);
	} catch (e) {
		if (e !== null) ok(false, "content: the coordinator's texts and news", e.message.split("\n").slice(0, 4));
	} finally {
		await reader.close();
	}
}

// The coordinator's identification pages: the list with its forms and matrix, one
// school's history, the settings (each also on the phone; the list in print).

async function identFlow(browser, stack) {
	const base = stack.base;
	const coord = await readerContexts(browser);
	const page = (path_) => (pg) => pg.goto(base + path_, { waitUntil: "load" });
	try {
		const accounts = demoAccounts(stack.dataDir);
		const cp = await coord.desktop.newPage();
		const res = await logIn(cp, base, COORD_LOGIN, accounts.get(COORD_LOGIN));
		if (!ok(res && res.status() === 200, `flow: ${COORD_LOGIN} logs in through the form`, `now at ${cp.url()}`))
			throw null;
		await cp.close();
		await coord.sync();
		await checkState(coord.desktop, coord.phone, { name: "identification", what: "/ust-ilimsk/identification/",
			status: 200, phone: true, open: page("/ust-ilimsk/identification/") }, stack);
		await checkState(coord.desktop, coord.phone, { name: "identification-school",
			what: "/ust-ilimsk/identification/schools/sosh-1/", status: 200, phone: true,
			open: page("/ust-ilimsk/identification/schools/sosh-1/") }, stack);
		await checkState(coord.desktop, coord.phone, { name: "identification-settings",
			what: "/ust-ilimsk/identification/settings", status: 200, phone: true,
			open: page("/ust-ilimsk/identification/settings") }, stack);
	} catch (e) {
		if (e !== null) ok(false, "flow: the identification pages", e.message.split("\n").slice(0, 4));
	} finally {
		await coord.close();
	}
}

// The coordinator starts a website monitoring round from its page (the demo schools'
// websites are the fixture pages under /static/demo-sites/ of the same nginx), then the
// rounds list, the round's table and one school's findings are checked (also on the phone).

async function monitoringFlow(browser, stack) {
	const base = stack.base, list = "/ust-ilimsk/monitoring/";
	const coord = await readerContexts(browser);
	const page = (path_) => (pg) => pg.goto(base + path_, { waitUntil: "load" });
	try {
		const accounts = demoAccounts(stack.dataDir);
		const cp = await coord.desktop.newPage();
		const res = await logIn(cp, base, COORD_LOGIN, accounts.get(COORD_LOGIN));
		if (!ok(res && res.status() === 200, `flow: ${COORD_LOGIN} logs in through the form`, `now at ${cp.url()}`))
			throw null;
		await cp.goto(base + list, { waitUntil: "load" });
		await cp.getByLabel("Вид раунда").selectOption("entry");
		const started = await submitBy(cp, cp.locator("main form").getByRole("button", { name: "Начать раунд" }));
		const round = new URL(cp.url()).pathname;
		ok(started && started.status() === 200 && /^\/ust-ilimsk\/monitoring\/\d+\/$/.test(round),
			"flow: a monitoring round starts from its form", `now at ${cp.url()}`);
		for (let i = 0; i < 60; i++) {
			await cp.goto(base + round, { waitUntil: "load" });
			if (!(await cp.content()).includes("Идёт проверка")) break;
			await cp.waitForTimeout(500);
		}
		ok((await cp.content()).includes("Завершён"), "flow: the round finishes against the demo sites");
		await cp.close();
		await coord.sync();
		await checkState(coord.desktop, coord.phone, { name: "monitoring", what: list, status: 200, phone: true,
			open: page(list) }, stack);
		await checkState(coord.desktop, coord.phone, { name: "monitoring-round", what: round, status: 200,
			phone: true, open: page(round) }, stack);
		await checkState(coord.desktop, coord.phone, { name: "monitoring-school",
			what: "/ust-ilimsk/schools/sosh-5/monitoring/", status: 200, phone: true,
			open: page("/ust-ilimsk/schools/sosh-5/monitoring/") }, stack);
	} catch (e) {
		if (e !== null) ok(false, "flow: the monitoring pages", e.message.split("\n").slice(0, 4));
	} finally {
		await coord.close();
	}
}

/* ---------- main ---------- */

async function main() {
	if (!fs.existsSync(CHROMIUM)) {
		note(`SKIP browser tier: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
		return 0;
	}
	fs.mkdirSync(SCREENS, { recursive: true });

	const stack = new Stack();
	let profile = null;
	let context = null;
	const cleanup = async () => {
		if (context) await context.close().catch(() => {});
		context = null;
		await stack.stop();
		if (profile) fs.rmSync(profile, { recursive: true, force: true });
		profile = null;
	};
	for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"])
		process.on(sig, () => { cleanup().finally(() => process.exit(130)); });
	const watchdog = setTimeout(() => {
		ok(false, `browser tier finishes within ${WATCHDOG_MS / 60000} minutes`);
		cleanup().finally(() => process.exit(1));
	}, WATCHDOG_MS);
	watchdog.unref();

	try {
		const up = await stack.start();
		if (!ok(up.up, `the stack (src/run.sh) starts and GET /healthz answers 200`, up.up ? [] : [up.why, ...stack.diagnostics()]))
			throw null; // nothing more to check
		note(`serving at ${stack.base}, data in ${stack.dataDir}`);

		profile = fs.mkdtempSync(path.join(os.tmpdir(), "kachestvo-chromium-"));
		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync"],
			viewport: DESKTOP,
			bypassCSP: true, // axe-core is injected as an inline script; the app's CSP forbids those
			locale: "ru-RU",
		});
		context.setDefaultNavigationTimeout(NAV_TIMEOUT_MS);
		const browser = context.browser();
		// Phone: mobile emulation (meta viewport honoured), the app's CSP in force.
		const phone = await browser.newContext({
			viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: "ru-RU",
		});

		phone.setDefaultNavigationTimeout(NAV_TIMEOUT_MS);
		for (const p of PAGES) await checkPage(context, phone, stack.base, p, stack);
		await phone.close();
		await viBehaviour(browser, stack.base);
		await insiderFlow(browser, stack);
		await dashboardFlow(browser, stack);
		await resultsFlow(browser, stack);
		await identFlow(browser, stack);
		await monitoringFlow(browser, stack);
		await contentFlow(browser, stack);
	} catch (e) {
		if (e !== null) ok(false, "browser tier runs to the end", e.stack || e.message);
	} finally {
		clearTimeout(watchdog);
		await cleanup();
	}
	console.log(`1..${count}`);
	return failed ? 1 : 0;
}

process.exitCode = await main();
