/* eslint-disable no-undef */
// Builds the add-in into dist/: functions.js + functions.json (from JSDoc), the task pane (the
// shared runtime page that hosts both), the playground and Returns pages, assets and the manifest.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { Compilation, sources } = require("webpack");
const { strFromU8, strToU8, unzipSync, zipSync } = require("fflate");

const DEV_URL = "https://localhost:3000/";
// Where a production build is hosted; every localhost URL in the manifest is rewritten to it.
const PROD_URL = process.env.ICS_ADDIN_URL || "https://ics-finance.example.org/";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Every localhost URL of a text rewritten to where a release is hosted. */
function releaseUrls(text, prodUrl = PROD_URL) {
  return text.replaceAll(DEV_URL, prodUrl).replaceAll("https://localhost:3000", prodUrl.replace(/\/$/, ""));
}

/**
 * functions.json carries each function's help URL (from @helpurl, localhost in the source): a
 * release build points them at ICS_ADDIN_URL, as it does the manifest's URLs.
 */
class ReleaseUrlsPlugin {
  constructor(prodUrl = PROD_URL, asset = "functions.json") {
    this.prodUrl = prodUrl;
    this.asset = asset;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ReleaseUrlsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "ReleaseUrlsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE }, () => {
        const asset = compilation.getAsset(this.asset);
        if (asset) compilation.updateAsset(this.asset, new sources.RawSource(releaseUrls(asset.source.source().toString(), this.prodUrl)));
      });
    });
  }
}

/**
 * How the add-in is deployed, which the templates' web extension part names (see the README):
 * ICS_ADDIN_STORE_TYPE = EXCatalog (central deployment, the default), FileSystem (a shared-folder
 * catalogue, with its path in ICS_ADDIN_STORE) or Registry (sideloaded). The CLI reads the same.
 */
function addinStore(env = process.env) {
  const storeType = env.ICS_ADDIN_STORE_TYPE || "EXCatalog";
  if (storeType === "EXCatalog") return { storeType, store: "EXCatalog" };
  if (storeType === "Registry") return { storeType, store: "developer" };
  if (storeType === "FileSystem" && env.ICS_ADDIN_STORE) return { storeType, store: env.ICS_ADDIN_STORE };
  throw new Error(`ICS_ADDIN_STORE_TYPE must be EXCatalog, FileSystem (with ICS_ADDIN_STORE) or Registry, not "${storeType}"`);
}

const escapeAttr = (v) => v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/**
 * A shipped template with its add-in reference pointed at another deployment: only the
 * `<we:reference>` of its web extension part changes; the zip is rewritten with the fixed date
 * every template carries (src/xlsx/write/package.ts), so the copy is byte-stable too.
 */
function retargetTemplate(content, { storeType, store }) {
  if (storeType === "EXCatalog") return content;
  const files = unzipSync(new Uint8Array(content));
  const part = "xl/webextensions/webextension1.xml";
  if (!files[part]) return content;
  files[part] = strToU8(
    strFromU8(files[part]).replace(/<we:reference ([^>]*?)store="[^"]*" storeType="[^"]*"\/>/, (_, before) => `<we:reference ${before}store="${escapeAttr(store)}" storeType="${escapeAttr(storeType)}"/>`),
  );
  const mtime = new Date(2025, 3, 1, 0, 0, 0);
  const zipped = {};
  for (const name of Object.keys(files)) zipped[name] = [files[name], { level: 6, mtime }];
  return Buffer.from(zipSync(zipped));
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  // `--env localhost` keeps localhost URLs (npm start, sideloading, tests); a release build rewrites them.
  const keepLocalhost = dev || Boolean(env.localhost);
  // `--env officeJs=office.js` serves office.js from dist/ so tests and the playground need no network.
  const officeJsUrl = env.officeJs || CDN_OFFICE_JS;
  const store = addinStore();
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
      playground: "./src/playground/index.tsx",
      returns: "./src/returnsPage/index.tsx",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json", transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      ...(keepLocalhost ? [] : [new ReleaseUrlsPlugin()]),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        templateParameters: { officeJsUrl },
      }),
      new HtmlWebpackPlugin({
        filename: "playground.html",
        template: "./src/playground/playground.html",
        chunks: ["playground"],
      }),
      // The Returns page: its Content-Security-Policy <meta> is in the template (scripts/serve.js sends it as a header too).
      new HtmlWebpackPlugin({
        filename: "returns.html",
        template: "./src/returnsPage/returns.html",
        chunks: ["returns"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/templates", to: "templates", noErrorOnMissing: true, transform: (content) => retargetTemplate(content, store) },
          { from: "docs/functions.html", to: "help/functions.html", noErrorOnMissing: true },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (keepLocalhost ? content : releaseUrls(content.toString())),
          },
          // info.minimized keeps terser off office.js; the mapping table must sit beside it or onReady never fires.
          ...(env.officeJs
            ? [
                { from: "node_modules/@microsoft/office-js/dist/office.js", to: "office.js", info: { minimized: true } },
                { from: "node_modules/@microsoft/office-js/dist/o15apptofilemappingtable.js", to: "o15apptofilemappingtable.js", info: { minimized: true } },
              ]
            : []),
        ],
      }),
    ],
  };
};

module.exports.releaseUrls = releaseUrls;
module.exports.ReleaseUrlsPlugin = ReleaseUrlsPlugin;
module.exports.addinStore = addinStore;
module.exports.retargetTemplate = retargetTemplate;
