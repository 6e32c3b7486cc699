// Checks the built book (target/book) the way readers meet it: in a real
// browser, Debian's Chromium, driven headless by playwright-core. No tool here
// downloads a browser of its own.
//
//   node browser/check.mjs            (cargo xtask test runs it when Chromium is present)
//
// On every page: no console error, no request to another host, every formula
// laid out by KaTeX, every figure drawn and legible in a light and a dark
// theme, a copy button on every code block and a run button exactly on the
// blocks the Rust Playground can run. Then: search finds the right chapter,
// the print page holds every chapter, axe-core finds no serious or critical
// accessibility violation and Lighthouse scores performance and accessibility
// at least 95 on three pages, in its desktop and its mobile preset.
// Screenshots go to target/screenshots.
import { chromium } from "playwright-core";
import { serveSite } from "./site.mjs";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
// BOOK_ROOT checks another checkout's built book (default: this one).
const root = path.resolve(process.env.BOOK_ROOT ?? path.join(here, ".."));
const site = path.join(root, "target", "book");
const shots = path.join(root, "target", "screenshots");
const reportFile = path.join(root, "target", "browser-report.json");
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const chromiumArgs = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
];

// Terms a reader would search for, and the chapter that must come up first.
// Add a pair when a chapter lands.
const SEARCHES = [
  ["posix_spawn", "processes.html"],
  ["available_parallelism", "threads.html"],
  ["thread_local", "threads.html"],
  ["stack_size", "threads.html"],
  ["one address space", "compare.html"],
  ["IO-bound", "bound.html"],
  ["sched_setaffinity", "multitasking.html"],
  ["switch interval", "gil.html"],
  ["libgreen", "coroutines.html"],
  ["TOCTOU", "races.html"],
  ["poisoning", "mutex.html"],
  ["compare_exchange_weak", "atomics.html"],
  ["Condvar", "waiting.html"],
  ["sync_channel", "channels.html"],
  ["with_min_len", "rayon.html"],
  ["Gustafson", "amdahl.html"],
  ["BrokenProcessPool", "multiprocessing.html"],
  ["Unpin", "futures.html"],
  ["spawn_blocking", "tokio.html"],
  ["ExceptionGroup", "joining.html"],
  ["EMFILE", "coordination.html"],
  ["reactor", "network.html"],
  ["kill_on_drop", "choosing.html"],
  ["timeit", "measure.html"],
  ["loom", "testing.html"],
];
// Pages that get the accessibility audit, Lighthouse and screenshots.
const KEY_PAGES = ["preface.html", "threads.html", "multitasking.html"];
const DARK = "navy";
const MIN_CONTRAST = 3; // WCAG 2.1 for graphics and large text
const MIN_SCORE = 95;
const SURE_MARGIN = 3;

const failures = [];
let passed = 0;
function check(ok, what) {
  if (ok) passed += 1;
  else failures.push(what);
}

const server = await serveSite(site);
const base = server.base;

function pages() {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith(".html")) out.push(path.relative(site, p).split(path.sep).join("/"));
    }
  };
  walk(site);
  // toc.html is the sidebar for readers without JavaScript, framed into every page.
  return out.filter((p) => p !== "toc.html").sort();
}

// Chapters listed in SUMMARY.md with a file, and their titles (first heading).
function chapters() {
  const summary = fs.readFileSync(path.join(root, "src", "SUMMARY.md"), "utf8");
  return [...summary.matchAll(/\[[^\]]+\]\(([^)]+\.md)\)/g)].map((m) => {
    const text = fs.readFileSync(path.join(root, "src", m[1]), "utf8");
    return { file: m[1], title: (text.match(/^# (.+)$/m) ?? [, ""])[1].trim() };
  });
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

async function open(page, theme) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((t) => localStorage.setItem("mdbook-theme", t), theme);
  const tab = await context.newPage();
  const problems = [];
  tab.on("console", (msg) => { if (msg.type() === "error") problems.push(`console error: ${msg.text()}`); });
  tab.on("pageerror", (err) => problems.push(`script error: ${err.message}`));
  tab.on("request", (req) => {
    const u = new URL(req.url());
    if (!["127.0.0.1", ""].includes(u.hostname) && !["data:", "blob:"].includes(u.protocol)) {
      problems.push(`request to another host: ${req.url()}`);
    }
  });
  tab.on("requestfailed", (req) => problems.push(`failed to load ${req.url()}`));
  tab.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  await tab.goto(base + page, { waitUntil: "load" });
  await tab.evaluate(() => document.fonts.ready);
  return { context, tab, problems };
}

// Contrast of every text in every figure against the page background,
// blending semi-transparent fills as the browser does.
async function figureContrast(tab) {
  return tab.evaluate(() => {
    const rgb = (s) => (s.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]) => {
      const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    // The page's background is the theme's --bg (the body itself is transparent).
    const probe = document.createElement("div");
    probe.style.background = "var(--bg)";
    document.body.append(probe);
    const bg = rgb(getComputedStyle(probe).backgroundColor);
    probe.remove();
    // Every figure must hold a drawing: an inline SVG, or an image that loaded.
    return [...document.querySelectorAll("main figure")].map((figure, i) => {
      const svg = figure.querySelector("svg");
      const img = figure.querySelector("img");
      if (!svg) {
        const loaded = !!img && img.complete && img.naturalWidth > 0;
        const r = img?.getBoundingClientRect();
        return { index: i, width: loaded ? r.width : 0, height: loaded ? r.height : 0, texts: loaded ? 1 : 0, worst: Infinity, worstText: "" };
      }
      const box = svg.getBoundingClientRect();
      // The background of a text is the last filled shape drawn before it
      // that covers its centre, blended over the page; else the page itself.
      const blend = (color, alpha, under) => color.slice(0, 3).map((c, k) => c * alpha + under[k] * (1 - alpha));
      const alphaOf = (el, style) => {
        let a = Number(style.opacity);
        for (let e = el.parentElement; e && e !== svg; e = e.parentElement) a *= Number(getComputedStyle(e).opacity);
        return a;
      };
      const shapes = [...svg.querySelectorAll("rect, circle, ellipse, polygon, path")].filter((el) => {
        const st = getComputedStyle(el);
        return st.fill !== "none" && rgb(st.fill).length >= 3 && (rgb(st.fill)[3] ?? 1) > 0 && Number(st.fillOpacity) > 0;
      });
      const backgroundOf = (t) => {
        const r = t.getBoundingClientRect();
        const [cx, cy] = [r.left + r.width / 2, r.top + r.height / 2];
        let under = bg;
        for (const el of shapes) {
          if (!(el.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
          const b = el.getBoundingClientRect();
          if (cx < b.left || cx > b.right || cy < b.top || cy > b.bottom) continue;
          const st = getComputedStyle(el);
          const fill = rgb(st.fill);
          under = blend(fill, (fill[3] ?? 1) * Number(st.fillOpacity) * alphaOf(el, st), under);
        }
        return under;
      };
      let worst = Infinity, worstText = "";
      for (const t of svg.querySelectorAll("text")) {
        if (!t.textContent.trim()) continue;
        const style = getComputedStyle(t);
        const fill = rgb(style.fill);
        const under = backgroundOf(t);
        const seen = blend(fill, (fill[3] ?? 1) * Number(style.fillOpacity) * alphaOf(t, style), under);
        const [hi, lo] = [lum(seen), lum(under)].sort((x, y) => y - x);
        const ratio = (hi + 0.05) / (lo + 0.05);
        if (ratio < worst) { worst = ratio; worstText = t.textContent.trim(); }
      }
      return { index: i, width: box.width, height: box.height, texts: svg.querySelectorAll("text").length, worst, worstText };
    });
  });
}

const report = { pages: {}, axe: {}, lighthouse: {} };
// How long each part took, printed at the end: the step's budget is read from it.
const phases = [];
let phaseStart = Date.now();
function phase(name) {
  phases.push(`${name} ${((Date.now() - phaseStart) / 1000).toFixed(0)} s`);
  phaseStart = Date.now();
}

// Pages are checked two at a time, one per core of a CI machine: most of a
// page's time is Chromium laying it out (1 to 2 s each; print.html, 9 s).
async function checkPage(page) {
  const { context, tab, problems } = await open(page, "light");
  const facts = await tab.evaluate(() => ({
    formulas: [...document.querySelectorAll(".katex")].map((k) => {
      const r = k.getBoundingClientRect();
      return { w: r.width, h: r.height, visible: k.offsetParent !== null || getComputedStyle(k).position === "fixed" };
    }),
    katexErrors: document.querySelectorAll(".katex-error").length,
    rawTex: /\$\$|\\frac|\\text\{/.test([...document.querySelectorAll("main p, main li")].map((e) => e.textContent).join(" ")),
    katexFont: document.fonts.check("16px KaTeX_Main"),
    blocks: [...document.querySelectorAll("main pre > code")].map((c) => ({
      cls: c.className,
      copy: !!c.parentElement.querySelector("button.clip-button"),
      play: !!c.parentElement.querySelector("button.play-button"),
    })),
  }));
  const printPage = page === "print.html";
  for (const p of problems) check(false, `${page}: ${p}`);
  if (problems.length === 0) check(true, `${page}: loads cleanly`);
  const shown = facts.formulas.filter((f) => f.visible || printPage);
  check(shown.every((f) => f.w > 0 && f.h > 0), `${page}: a formula has no size (not laid out)`);
  check(facts.katexErrors === 0, `${page}: ${facts.katexErrors} formula(s) failed to render`);
  check(!facts.rawTex, `${page}: raw TeX in the text`);
  if (facts.formulas.length > 0) check(facts.katexFont, `${page}: KaTeX fonts did not load`);
  for (const [i, b] of facts.blocks.entries()) {
    check(b.copy, `${page}: code block ${i + 1} has no copy button`);
    const rust = /\blanguage-rust\b/.test(b.cls);
    const runnable = rust && !/\b(noplayground|ignore|compile_fail)\b/.test(b.cls);
    check(b.play === runnable, `${page}: code block ${i + 1} (${b.cls}) ${runnable ? "lacks" : "has"} a run button`);
  }
  const light = await figureContrast(tab);
  let dark = [];
  if (light.length > 0) {
    // Switch the theme as a reader does, from the theme menu: reloading the
    // page to switch would lay it out again, the step's largest cost.
    await tab.click("#mdbook-theme-toggle");
    await tab.click(`#mdbook-theme-${DARK}`);
    await tab.waitForFunction((t) => document.documentElement.classList.contains(t), DARK);
    dark = await figureContrast(tab);
  }
  await context.close();
  for (const [theme, figs] of [["light", light], [DARK, dark]]) {
    for (const f of figs) {
      check(f.width > 50 && f.height > 50 && f.texts > 0, `${page}: figure ${f.index + 1} is not drawn (${theme})`);
      check(f.worst >= MIN_CONTRAST,
        `${page}: figure ${f.index + 1}, text "${f.worstText}" has contrast ${f.worst.toFixed(2)} in the ${theme} theme (needs ${MIN_CONTRAST})`);
    }
  }
  report.pages[page] = {
    formulas: facts.formulas.length, codeBlocks: facts.blocks.length, figures: light.length,
    worstFigureContrast: Object.fromEntries([["light", light], [DARK, dark]].map(([t, f]) =>
      [t, f.length ? Math.min(...f.map((x) => x.worst)).toFixed(2) : null])),
  };
}
{
  const queue = pages();
  const worker = async () => { for (let page; (page = queue.shift()) !== undefined;) await checkPage(page); };
  await Promise.all([worker(), worker()]);
  // Workers finish in any order: keep the report in page order.
  report.pages = Object.fromEntries(Object.entries(report.pages).sort(([a], [b]) => (a < b ? -1 : 1)));
  phase("pages");
}

// Search: the expected chapter must be the first result, reference pages
// aside: the glossary and the claims index point to the chapters, and may
// rank above them for a term they define or quote.
const REFERENCE_PAGES = ["glossary.html", "claims.html", "reading.html"];
{
  const { context, tab } = await open("index.html", "light");
  for (const [term, expected] of SEARCHES) {
    await tab.click("#mdbook-search-toggle");
    // mdBook searches on key presses: fill in all but the last letter, type it.
    await tab.fill("#mdbook-searchbar", term.slice(0, -1));
    await tab.type("#mdbook-searchbar", term.slice(-1));
    await tab.waitForSelector("#mdbook-searchresults li a", { timeout: 5000 }).catch(() => {});
    const hrefs = await tab.$$eval("#mdbook-searchresults li a", (as) => as.map((a) => a.getAttribute("href")));
    const pages = hrefs.map((h) => h.split(/[?#]/)[0]);
    const first = pages.find((p) => !REFERENCE_PAGES.includes(p)) ?? "";
    check(first === expected, `search "${term}": first result is ${first || "nothing"}, expected ${expected}`);
    await tab.fill("#mdbook-searchbar", "");
    await tab.keyboard.press("Escape");
  }
  await context.close();
  phase("search");
}

// The print page holds every chapter, in order.
{
  const { context, tab } = await open("print.html", "light");
  // Compare titles by their letters and digits: smart punctuation turns ' into ’.
  const key = (t) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  const headings = await tab.$$eval("main h1", (hs) => hs.map((h) => h.textContent.trim()));
  const keys = headings.map(key);
  let at = -1;
  for (const c of chapters()) {
    const i = keys.indexOf(key(c.title), at + 1);
    check(i > at, `print.html: chapter "${c.title}" (${c.file}) is missing or out of order`);
    if (i > at) at = i;
  }
  await context.close();
  phase("print page");
}

// Accessibility (axe-core) and screenshots of the key pages, light and dark.
fs.mkdirSync(shots, { recursive: true });
const axePath = path.join(here, "node_modules", "axe-core", "axe.min.js");
for (const page of KEY_PAGES) {
  for (const theme of ["light", DARK]) {
    const { context, tab } = await open(page, theme);
    await tab.screenshot({ path: path.join(shots, `${page.replace(/[/.]/g, "_")}-${theme}.png`) });
    if (theme === "light") {
      await tab.addScriptTag({ path: axePath });
      const result = await tab.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ["violations"] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
      });
      const serious = result.filter((v) => ["serious", "critical"].includes(v.impact));
      for (const v of serious) check(false, `${page}: axe ${v.impact}: ${v.id} (${v.help}) on ${v.nodes} element(s)`);
      check(serious.length === 0, `${page}: axe`);
      report.axe[page] = result;
    }
    await context.close();
  }
}
await browser.close();
phase("axe and screenshots");

// Lighthouse in Debian's Chromium, desktop and mobile presets (the mobile one
// simulates a slow 4G network and a CPU four times slower), both gated. It
// fetches from a server that speaks HTTP/2 over TLS, as GitHub Pages does
// (see site.mjs).
if (process.env.BOOK_SKIP_LIGHTHOUSE) {
  console.log("lighthouse: skipped (BOOK_SKIP_LIGHTHOUSE is set)");
} else {
  const { default: lighthouse } = await import("lighthouse");
  const { default: desktop } = await import("lighthouse/core/config/desktop-config.js");
  const chromeLauncher = await import("chrome-launcher");
  const pagesServer = await serveSite(site, { pages: true });
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: [...chromiumArgs, "--ignore-certificate-errors"],
    userDataDir: fs.mkdtempSync(path.join(root, "target", "lighthouse-")),
  });
  try {
    for (const page of KEY_PAGES) {
      // The gate is the median of up to five runs, as Lighthouse CI takes a
      // median: one run's performance score moves by several points with
      // whatever else the machine does (on the mobile preset, from 84 to 97
      // on one page). The runs stop once the median is decided: at three
      // runs that pass or three that fail. A first run that clears the gate
      // by SURE_MARGIN points stands alone: the median would fail only if
      // three other runs all fell more than that below it. (Accessibility is
      // an audit of the page, the same on every run.)
      const scores = {};
      for (const [preset, config] of [["desktop", desktop], ["mobile", undefined]]) {
        const runs = [];
        const passes = (r) => r.performance >= MIN_SCORE && r.accessibility >= MIN_SCORE;
        const decided = () => {
          const ok = runs.filter(passes).length;
          if (ok >= 3 || runs.length - ok >= 3) return true;
          return runs.length === 1 && runs[0].performance >= MIN_SCORE + SURE_MARGIN && passes(runs[0]);
        };
        while (!decided()) {
          const flags = { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] };
          const result = await lighthouse(pagesServer.base + page, flags, config);
          runs.push(Object.fromEntries(["performance", "accessibility"].map((c) => [c, Math.round(result.lhr.categories[c].score * 100)])));
        }
        const median = (c) => runs.map((r) => r[c]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
        scores[preset] = {
          performance: median("performance"), accessibility: median("accessibility"),
          runs: runs.map((r) => r.performance),
        };
        for (const k of ["performance", "accessibility"]) {
          const v = scores[preset][k];
          check(v >= MIN_SCORE, `${page}: Lighthouse (${preset}) ${k} ${v} < ${MIN_SCORE} (performance in each run: ${scores[preset].runs.join(", ")})`);
        }
      }
      report.lighthouse[page] = scores;
    }
  } finally {
    await chrome.kill();
    pagesServer.close();
  }
  phase("Lighthouse");
}
server.close();

fs.writeFileSync(reportFile, JSON.stringify(report, null, 1));
for (const [page, s] of Object.entries(report.lighthouse)) {
  const runs = (p) => p.runs.length === 1 ? "one run" : `median of ${p.runs.length}: ${p.runs.join(", ")}`;
  console.log(`lighthouse ${page}: performance ${s.desktop.performance} desktop (${runs(s.desktop)}),` +
    ` ${s.mobile.performance} mobile (${runs(s.mobile)}); accessibility ${s.desktop.accessibility} desktop, ${s.mobile.accessibility} mobile`);
}
for (const [page, v] of Object.entries(report.axe)) {
  console.log(`axe ${page}: ${v.length} violation(s)${v.length ? ": " + v.map((x) => `${x.id} (${x.impact})`).join(", ") : ""}`);
}
console.log(`time: ${phases.join(", ")}`);
console.log(`pages checked: ${Object.keys(report.pages).length}; screenshots in target/screenshots`);
for (const f of failures) console.log(`FAIL ${f}`);
console.log(`browser: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
