import { Decimal, powerOfTenExponent, roundToUnit, unitsToNumber } from "../../src/core/money";
import { ADDIN_VERSION } from "../../src/core/version";
import { call } from "../helpers/core";

describe("money", () => {
  test("rounds half away from zero", () => {
    expect(roundToUnit(new Decimal("2.345"), new Decimal("0.01")).toString()).toBe("2.35");
    expect(roundToUnit(new Decimal("-2.345"), new Decimal("0.01")).toString()).toBe("-2.35");
    expect(roundToUnit(new Decimal("1500"), new Decimal("1000")).toString()).toBe("2000");
    expect(roundToUnit(new Decimal("-1500"), new Decimal("1000")).toString()).toBe("-2000");
  });

  test("knows a power of ten when it sees one", () => {
    expect(powerOfTenExponent(new Decimal("0.01"))).toBe(-2);
    expect(powerOfTenExponent(new Decimal("1000"))).toBe(3);
    expect(powerOfTenExponent(new Decimal("0.3"))).toBeUndefined();
    expect(powerOfTenExponent(new Decimal("0"))).toBeUndefined();
    expect(powerOfTenExponent(new Decimal("-1"))).toBeUndefined();
  });

  test("units leave as the nearest double to the exact decimal", () => {
    expect(unitsToNumber(123456789012n, new Decimal("0.01"), -2)).toBe(1234567890.12);
    expect(unitsToNumber(-7n, new Decimal("1000"), 3)).toBe(-7000);
    expect(unitsToNumber(99999999999999999n, new Decimal("0.01"), -2)).toBe(999999999999999.99);
  });
});

describe("ICS.VERSION", () => {
  test("names the add-in version from package.json and the catalogue edition", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require("../../package.json") as { version: string };
    expect(ADDIN_VERSION).toBe(pkg.version);
    expect(call("VERSION")).toMatch(new RegExp(`^ics-finance ${pkg.version.replace(/\./g, "\\.")}; catalogue \\d{4}\\.\\d+$`));
  });
});
