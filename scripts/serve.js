#!/usr/bin/env node
// Serves dist/ on localhost: the add-in files for sideloading and the playground for a browser.
// HTTPS when trusted dev certificates exist (made by `npm run sideload`), plain HTTP otherwise, so
// a fresh machine without admin rights still gets the playground. No data leaves the machine.
const fs = require("fs");
const http = require("http");
const https = require("https");
const os = require("os");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json",
  ".xml": "application/xml", ".png": "image/png", ".css": "text/css", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".txt": "text/plain; charset=utf-8", ".map": "application/json",
};

/** A page's own Content-Security-Policy <meta> (the Returns page's), sent as a header too, so it holds from the first byte. */
function pagePolicy(file, data) {
  if (path.extname(file) !== ".html") return {};
  // Quoted or not: a production build minifies the attribute's quotes away.
  const meta = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"/i.exec(data.toString("utf8"));
  return meta ? { "Content-Security-Policy": meta[1].replace(/\s+/g, " ") } : {};
}

function handler(root) {
  return (req, res) => {
    const url = new URL(req.url, "http://localhost");
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (url.pathname === "/") file = path.join(root, "playground.html");
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
        return;
      }
      // Office loads the add-in from another origin; allow it, and never cache during development.
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream", "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store", ...pagePolicy(file, data) });
      res.end(data);
    });
  };
}

function devCertificates() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const cert = path.join(dir, "localhost.crt");
  const key = path.join(dir, "localhost.key");
  return fs.existsSync(cert) && fs.existsSync(key) ? { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } : undefined;
}

/** Starts the server; resolves to { server, url }. Port 0 picks a free port (tests). */
function serve({ root = path.join(__dirname, "..", "dist"), port = 3000, host = "127.0.0.1", secure = undefined } = {}) {
  const certs = secure === false ? undefined : devCertificates();
  const server = certs ? https.createServer(certs, handler(path.resolve(root))) : http.createServer(handler(path.resolve(root)));
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const scheme = certs ? "https" : "http";
      const actualPort = server.address().port;
      resolve({ server, url: `${scheme}://localhost:${actualPort}`, secure: Boolean(certs) });
    });
  });
}

module.exports = { serve };

if (require.main === module) {
  const port = Number(process.env.PORT || 3000);
  serve({ port }).then(({ url, secure }) => {
    console.log(`ICS Finance is served from dist/ at ${url}`);
    console.log(`  Playground (no Excel needed): ${url}/playground.html`);
    console.log(`  Check returns:                ${url}/returns.html`);
    console.log(`  Function reference:           ${url}/help/functions.html`);
    console.log("");
    console.log("Sideload into Excel:");
    if (!secure) {
      console.log("  Excel only loads add-ins over trusted HTTPS. Once, on a machine with Excel and admin rights, run");
      console.log("  `npm run sideload` (installs localhost dev certificates, then starts Excel desktop with the add-in);");
      console.log("  after that `npm start` serves HTTPS on port 3000.");
    }
    console.log("  Excel desktop (Windows/Mac): `npm run sideload`, or put dist/manifest.xml in a shared-folder catalogue");
    console.log("    (Trust Center > Trusted Add-in Catalogs) and choose Insert > My Add-ins > Shared Folder.");
    console.log("  Excel on the web: Insert > Add-ins > My Add-ins > Upload My Add-in, and choose dist/manifest.xml.");
    console.log("Press Ctrl+C to stop.");
  }).catch((e) => {
    console.error(`Could not serve on port ${port}: ${e.message}`);
    process.exit(1);
  });
}
