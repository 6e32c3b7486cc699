// The PDF edition: the book's print page (target/book/print.html) printed by
// the same Chromium the browser checks drive, then given what Chromium's
// printing cannot: bookmarks grouped by part, the chapter's title in the
// running header and the page number in the footer (pdf-lib).
//
//   node browser/pdf.mjs OUT.pdf      (cargo xtask pdf runs it after building the book)
//
// The print rules (wrapped code, no MathML copy of the math) live in
// theme/extras.css, so a reader who prints a page gets the same.
import { chromium } from "playwright-core";
import { PDFDocument, PDFName, PDFHexString, PDFNumber, PDFDict, PDFArray, StandardFonts, rgb } from "pdf-lib";
import fs from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveSite } from "./site.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(process.env.BOOK_ROOT ?? path.join(here, ".."));
const site = path.join(root, "target", "book");
const out = path.resolve(process.argv[2] ?? path.join(site, "concurrency-in-rust.pdf"));
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
// About 730 pages in December 2026: far fewer means chapters went missing,
// far more that code or tables stopped wrapping (one line per page, say).
const MIN_PAGES = 400;
const MAX_PAGES = 1400;

// SUMMARY.md: the parts and, in order, every page with its part.
function summary() {
  const text = fs.readFileSync(path.join(root, "src", "SUMMARY.md"), "utf8");
  const entries = [];
  let part = null;
  for (const line of text.split("\n")) {
    const heading = line.match(/^# (.+)$/);
    if (heading && heading[1] !== "Summary") part = heading[1].trim();
    const link = line.match(/^(\s*)(?:- )?\[([^\]]+)\]\(([^)]+\.md)\)/);
    if (link) entries.push({ part, nested: link[1].length > 0, title: link[2], file: link[3] });
  }
  return entries;
}

const server = await serveSite(site);
const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
let bytes;
let expected;
try {
  const context = await browser.newContext();
  // The light theme, whatever the machine prefers; and the print page must
  // not open the print dialog, which it does on load.
  await context.addInitScript(() => {
    localStorage.setItem("mdbook-theme", "light");
    window.print = () => {};
  });
  const tab = await context.newPage();
  await tab.goto(server.base + "print.html", { waitUntil: "load", timeout: 120_000 });
  await tab.evaluate(() => document.fonts.ready);
  // What the PDF must show, read from the page as it prints: every page's
  // title, every code line (without the lines a listing hides), and the TeX
  // source of every formula (which must not show).
  await tab.emulateMedia({ media: "print" });
  expected = await tab.evaluate(() => ({
    titles: [...document.querySelectorAll("main h1")].map((h) => h.innerText),
    code: [...document.querySelectorAll("main pre > code")].map((c) => c.innerText),
    formulas: document.querySelectorAll("main .katex").length,
  }));
  bytes = await tab.pdf({
    format: "A4",
    margin: { top: "20mm", bottom: "18mm", left: "16mm", right: "16mm" },
    printBackground: true,
    outline: true,
    tagged: true,
    timeout: 300_000,
  });
} finally {
  await browser.close();
  server.close();
}

const pdf = await PDFDocument.load(bytes);
const ctx = pdf.context;
const pages = pdf.getPages();
const pageIndex = new Map(pages.map((p, i) => [p.ref.toString(), i]));

// Chromium's outline: one top-level item per h1, in the order of the pages.
const catalog = pdf.catalog;
const outlines = catalog.lookup(PDFName.of("Outlines"), PDFDict);
const items = [];
for (let ref = outlines.get(PDFName.of("First")); ref; ) {
  const item = ctx.lookup(ref, PDFDict);
  const dest = item.lookup(PDFName.of("Dest"), PDFArray) ?? item.lookup(PDFName.of("A"), PDFDict)?.lookup(PDFName.of("D"), PDFArray);
  items.push({ ref, item, title: item.lookup(PDFName.of("Title")).decodeText(), page: pageIndex.get(dest.get(0).toString()) });
  ref = item.get(PDFName.of("Next"));
}
const entries = summary();
if (items.length !== entries.length) {
  console.error(`print.html has ${items.length} top-level headings, SUMMARY.md ${entries.length} pages`);
  process.exit(1);
}
// The titles as the pages give them (Chromium's outline drops the space at a
// line break).
entries.forEach((e, i) => Object.assign(e, items[i], { title: expected.titles[i].replace(/\s+/g, " ").trim() }));

// The new outline: Preface, then each part with its chapters (pages nested
// under a page, like the solutions, under that page), each chapter keeping
// Chromium's items for its sections.
function node(title, page) {
  const dict = ctx.obj({});
  dict.set(PDFName.of("Title"), PDFHexString.fromText(title));
  dict.set(PDFName.of("Dest"), ctx.obj([pages[page].ref, PDFName.of("XYZ"), null, null, null]));
  return { ref: ctx.register(dict), dict, children: [] };
}
const top = [];
let current = null;
for (const e of entries) {
  const own = { ref: e.ref, dict: e.item, children: null }; // keeps its sections
  if (e.nested) { top.at(-1).extra.push(own); continue; }
  if (e.part === null) { top.push({ ...own, extra: [] }); continue; }
  if (!current || current.title !== e.part) {
    current = { ...node(e.part, e.page), title: e.part, extra: [] };
    top.push(current);
  }
  current.children.push({ ...own, extra: [] });
}
// Links a list of items under `parent`; returns how many are visible when
// the parts are open and the chapters closed.
function link(parent, list) {
  list.forEach((n, i) => {
    n.dict.set(PDFName.of("Parent"), parent.ref);
    if (i > 0) n.dict.set(PDFName.of("Prev"), list[i - 1].ref); else n.dict.delete(PDFName.of("Prev"));
    if (i + 1 < list.length) n.dict.set(PDFName.of("Next"), list[i + 1].ref); else n.dict.delete(PDFName.of("Next"));
    const kids = [...(n.children ?? []), ...(n.extra ?? [])];
    if (kids.length) {
      // A chapter that gains pages nested under it (Exercise solutions) puts
      // them after its own sections.
      const own = [];
      for (let r = n.dict.get(PDFName.of("First")); r && n.children === null; ) {
        const d = ctx.lookup(r, PDFDict);
        own.push({ ref: r, dict: d, children: null, extra: [] });
        r = d.get(PDFName.of("Next"));
      }
      const all = [...own, ...kids];
      link(n, all);
      n.dict.set(PDFName.of("First"), all[0].ref);
      n.dict.set(PDFName.of("Last"), all.at(-1).ref);
      // Parts open, everything below them closed.
      n.dict.set(PDFName.of("Count"), PDFNumber.of(n.children !== null ? all.length : -all.length));
    }
  });
}
const rootNode = { ref: catalog.get(PDFName.of("Outlines")) };
link(rootNode, top);
outlines.set(PDFName.of("First"), top[0].ref);
outlines.set(PDFName.of("Last"), top.at(-1).ref);
outlines.set(PDFName.of("Count"), PDFNumber.of(top.length));
catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));

// Running header (the chapter's title, on every page but a chapter's first)
// and footer (the page number).
const font = await pdf.embedFont(StandardFonts.Helvetica);
const plain = (s) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, "-");
const starts = entries.map((e) => e.page);
const grey = rgb(0.35, 0.35, 0.35);
pages.forEach((page, i) => {
  const { width, height } = page.getSize();
  const k = starts.findLastIndex((s) => s <= i);
  if (k >= 0 && starts[k] !== i) {
    const title = plain(entries[k].title);
    page.drawText(title, { x: 45, y: height - 32, size: 8.5, font, color: grey });
  }
  const number = String(i + 1);
  page.drawText(number, { x: width / 2 - font.widthOfTextAtSize(number, 9) / 2, y: 24, size: 9, font, color: grey });
});
pdf.setTitle("Concurrency in Rust");
pdf.setCreator("cargo xtask pdf (Chromium, pdf-lib)");
fs.writeFileSync(out, await pdf.save());
console.log(`pdf: ${pages.length} pages, ${entries.length} chapters and appendices, written to ${path.relative(root, out)}`);

// The checks, on the text pdftotext reads out of the PDF (poppler-utils).
const failures = [];
if (pages.length < MIN_PAGES || pages.length > MAX_PAGES) {
  failures.push(`${pages.length} pages, outside ${MIN_PAGES}-${MAX_PAGES}: a chapter is missing or the layout broke`);
}
const extracted = spawnSync("pdftotext", ["-q", "-raw", "-enc", "UTF-8", out, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });
if (extracted.error) {
  if (process.env.CI) failures.push(`CI must check the PDF, but pdftotext is missing (apt-get install poppler-utils)`);
  else console.log("pdf checks: skipped, pdftotext not found (apt-get install poppler-utils)");
} else {
  // Each page without the header and footer drawn above, then the whole
  // text without white space: wrapped lines join up again.
  const squash = (s) => s.normalize("NFKC").replace(/\s+/g, "");
  const pageTexts = extracted.stdout.split("\f").map((pageText, i) => {
    const lines = pageText.split("\n").filter((l) => l.trim() !== "");
    // -raw keeps the order the text was drawn in, and the header and footer
    // were drawn last.
    const k = starts.findLastIndex((s) => s <= i);
    const drawn = [String(i + 1), k >= 0 ? plain(entries[k].title) : null];
    for (let n = 0; n < 2 && drawn.includes(lines.at(-1)?.trim()); n += 1) lines.pop();
    return squash(lines.join("\n"));
  });
  const text = pageTexts.join("");
  // A line that wraps at the foot of a page goes on on the next one, where
  // pdftotext may read it in another order: both halves must be there.
  const split = (want) => pageTexts.some((here, i) => i + 1 < pageTexts.length &&
    [...want].some((_, j) => j > 0 && here.includes(want.slice(0, j)) && !here.includes(want.slice(0, j + 1)) &&
      pageTexts[i + 1].includes(want.slice(j))));
  for (const title of expected.titles) {
    if (!text.includes(squash(title))) failures.push(`title missing: ${title}`);
  }
  // The TeX source of every formula in the chapters (outside code) that
  // has a command in it: none may show as text.
  const tex = entries.flatMap((e) => {
    const md = fs.readFileSync(path.join(root, "src", e.file), "utf8")
      .replace(/^(```|~~~)[\s\S]*?^\1/gm, "").replace(/`[^`\n]*`/g, "");
    return [...md.matchAll(/\$\$([\s\S]+?)\$\$|\$([^$\n]+?)\$/g)].map((m) => m[1] ?? m[2]).filter((t) => t.includes("\\"));
  });
  const raw = tex.filter((t) => text.includes(squash(t)) || text.includes(squash(t).replace(/\\/g, "")));
  if (raw.length) failures.push(`raw TeX in the text: ${raw.slice(0, 3).join(" | ")}`);
  if (tex.length > 0 && expected.formulas === 0) failures.push("the chapters have formulas, but the print page has no KaTeX");
  // Code lines in order: each is looked for after the last one found, so
  // the search runs once through the text.
  let at = 0, lines = 0;
  const cut = [];
  for (const block of expected.code) {
    for (const line of block.split("\n")) {
      const want = squash(line);
      if (!want) continue;
      lines += 1;
      const found = text.indexOf(want, at);
      if (found >= 0) at = found + want.length;
      else if (!text.includes(want) && !split(want)) cut.push(line);
    }
  }
  if (cut.length) failures.push(`${cut.length} of ${lines} code lines not in the PDF's text (cut at the margin?): ${cut.slice(0, 5).map((l) => JSON.stringify(l)).join(", ")}`);
  console.log(`pdf checks: ${expected.titles.length} titles, ${lines} code lines, ${tex.length} formulas with TeX commands, none shown raw`);
}
for (const f of failures) console.log(`FAIL ${f}`);
process.exit(failures.length === 0 ? 0 : 1);
