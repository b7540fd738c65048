// Unit, property and grid tests run in Node; the browser tests under test/e2e drive Debian's chromium.
const tsTransform = { "^.+\\.tsx?$": ["ts-jest", { tsconfig: process.env.TS_JEST_TSCONFIG || "tsconfig.json" }] };
// office-addin-mock pulls ESM-only packages through office-addin-manifest; it only needs the OfficeApp enum.
const moduleNameMapper = { "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js" };

module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: ["/test/e2e/"],
      transform: tsTransform,
      moduleNameMapper,
    },
    {
      displayName: "e2e",
      testEnvironment: "node",
      roots: ["<rootDir>/test/e2e"],
      testMatch: ["**/*.e2e.ts"],
      transform: tsTransform,
    },
  ],
};
