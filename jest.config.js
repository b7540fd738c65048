// Unit, property, grid and CLI tests (*.test.ts) and the browser tests (*.e2e.ts, which drive
// Debian's chromium) all run in Node. Run one file: `npx jest test/core/delegate.test.ts`.
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx", "**/*.e2e.ts"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: process.env.TS_JEST_TSCONFIG || "tsconfig.json" }] },
  // office-addin-mock pulls ESM-only packages through office-addin-manifest; it only needs the OfficeApp enum.
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js" },
};
