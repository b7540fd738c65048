import { formatNumber, general } from "../../src/playground/numberFormat";

describe("number formats as Excel shows them", () => {
  test.each([
    [1234.5, "£#,##0.00;[Red]-£#,##0.00", "£1,234.50", undefined],
    [-1234.5, "£#,##0.00;[Red]-£#,##0.00", "-£1,234.50", "#C00000"],
    [1989500, "#,##0;[Red]-#,##0", "1,989,500", undefined],
    [-250, "#,##0;[Red](#,##0)", "(250)", "#C00000"],
    [0.85, "0.0%", "85.0%", undefined],
    [1.08, "#,##0.00##", "1.08", undefined],
    [1.0512, "#,##0.00##", "1.0512", undefined],
    [1, "#,##0.00##", "1.00", undefined],
    [1.05123, "0.0000", "1.0512", undefined],
    [1234567, '£#,##0,"k"', "£1,235k", undefined],
    [-5, "0.0", "-5.0", undefined],
    [0, "#,##0;-#,##0;\"–\"", "–", undefined],
  ])("%p in %s is %s", (value, format, text, color) => {
    expect(formatNumber(value, format)).toEqual(color ? { text, color } : { text });
  });

  test("General shows up to ten significant digits and no trailing zeros", () => {
    expect(general(33.34)).toBe("33.34");
    expect(general(0.1 + 0.2)).toBe("0.3");
    expect(general(1989500)).toBe("1989500");
    expect(formatNumber(2 / 3).text).toBe("0.6666666667");
  });
});
