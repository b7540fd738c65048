/* eslint-disable no-undef */
// Builds the add-in into dist/: functions.js + functions.json (from JSDoc), the task pane (the
// shared runtime page that hosts both), the playground page, assets and the manifest.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_URL = "https://localhost:3000/";
// Where a production build is hosted; every localhost URL in the manifest is rewritten to it.
const PROD_URL = process.env.ICS_ADDIN_URL || "https://ics-finance.example.org/";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  // `--env localhost` keeps localhost URLs (npm start, sideloading, tests); a release build rewrites them.
  const keepLocalhost = dev || Boolean(env.localhost);
  // `--env officeJs=office.js` serves office.js from dist/ so tests and the playground need no network.
  const officeJsUrl = env.officeJs || CDN_OFFICE_JS;
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
      playground: "./src/playground/index.tsx",
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
      // functions.json's help links (@helpurl, to help/functions.html) follow the manifest's host in a release build.
      {
        apply(compiler) {
          if (keepLocalhost) return;
          const { Compilation, sources } = compiler.webpack;
          compiler.hooks.thisCompilation.tap("HelpUrls", (compilation) => {
            compilation.hooks.processAssets.tap({ name: "HelpUrls", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
              const asset = compilation.getAsset("functions.json");
              if (asset) compilation.updateAsset("functions.json", new sources.RawSource(asset.source.source().toString().replaceAll(DEV_URL, PROD_URL)));
            });
          });
        },
      },
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
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/templates", to: "templates", noErrorOnMissing: true },
          { from: "docs/functions.html", to: "help/functions.html", noErrorOnMissing: true },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (keepLocalhost ? content : content.toString().replaceAll(DEV_URL, PROD_URL).replaceAll("https://localhost:3000", PROD_URL.replace(/\/$/, ""))),
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
