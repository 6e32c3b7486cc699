// A static server for the built site, on a free port of 127.0.0.1, shared by
// the browser checks (check.mjs) and the PDF edition (pdf.mjs). Like GitHub
// Pages, it compresses text with gzip when the browser accepts it.
import http from "node:http";
import zlib from "node:zlib";
import fs from "node:fs";
import path from "node:path";

const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css",
  ".svg": "image/svg+xml", ".png": "image/png", ".woff2": "font/woff2", ".woff": "font/woff",
  ".ttf": "font/ttf", ".json": "application/json", ".txt": "text/plain",
};

/** Serves `site`; resolves to `{ base, close() }`. */
export async function serveSite(site) {
  const gzipped = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    let file = path.join(site, decodeURIComponent(url.pathname));
    if (!file.startsWith(site)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) {
      res.writeHead(404, { "content-type": types[".html"] });
      res.end(fs.readFileSync(path.join(site, "404.html")));
      return;
    }
    const type = types[path.extname(file)] ?? "application/octet-stream";
    const body = fs.readFileSync(file);
    if (/text|javascript|json|svg/.test(type) && /gzip/.test(req.headers["accept-encoding"] ?? "")) {
      res.writeHead(200, { "content-type": type, "content-encoding": "gzip", "cache-control": "max-age=600" });
      // Every page opens in a fresh context, with an empty cache: compress
      // each file once.
      if (!gzipped.has(file)) gzipped.set(file, zlib.gzipSync(body));
      res.end(gzipped.get(file));
    } else {
      res.writeHead(200, { "content-type": type, "cache-control": "max-age=600" });
      res.end(body);
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { base: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}
