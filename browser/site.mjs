// A static server for the built site, on a free port of 127.0.0.1, shared by
// the browser checks (check.mjs) and the PDF edition (pdf.mjs). Like GitHub
// Pages, it compresses text with gzip when the browser accepts it, and with
// `{ pages: true }` it also speaks HTTP/2 over TLS, as Pages does, for
// Lighthouse: its simulated slow network models one multiplexed connection
// for HTTP/2, but up to six for HTTP/1.1, each paying its own handshake, so a
// page served over HTTP/1.1 scores what no reader of the published site gets.
// The certificate is a throwaway one for 127.0.0.1, made by openssl; the
// browser that fetches from it runs with --ignore-certificate-errors.
import http from "node:http";
import http2 from "node:http2";
import os from "node:os";
import { execFileSync } from "node:child_process";
import zlib from "node:zlib";
import fs from "node:fs";
import path from "node:path";

const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css",
  ".svg": "image/svg+xml", ".png": "image/png", ".woff2": "font/woff2", ".woff": "font/woff",
  ".ttf": "font/ttf", ".json": "application/json", ".txt": "text/plain",
};

/** A self-signed certificate for 127.0.0.1: `{ key, cert }`. */
function throwawayCertificate() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "book-tls-"));
  try {
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
      "-addext", "subjectAltName=IP:127.0.0.1",
      "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem"),
    ], { stdio: ["ignore", "ignore", "pipe"] });
    return { key: fs.readFileSync(path.join(dir, "key.pem")), cert: fs.readFileSync(path.join(dir, "cert.pem")) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Serves `site`; resolves to `{ base, close() }`. */
export async function serveSite(site, { pages = false } = {}) {
  const gzipped = new Map();
  const handler = (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    let file = path.join(site, decodeURIComponent(url.pathname));
    if (!file.startsWith(site)) { res.writeHead(403); res.end(); return; }
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
  };
  const server = pages
    ? http2.createSecureServer({ ...throwawayCertificate(), allowHTTP1: true }, handler)
    : http.createServer(handler);
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const scheme = pages ? "https" : "http";
  return { base: `${scheme}://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}
