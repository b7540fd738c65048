/**
 * Formula text compared as Excel means it, not as it is spelled: a return's formula as the file
 * saved it (`_xldudf_ICS_DELEGATE(`, `_xlfn.` prefixes, `TRUE`, quoted sheet names, spaces) and
 * the template's (`ICS.DELEGATE(`, `TRUE()`) give the same canonical text when they are the same
 * formula. Sheets the return renamed are read under their template names.
 */
import { Token, tokenize } from "../engine/workbook/tokens";
import { fromFileFormula } from "../xlsx/write/formula";

export interface CanonicalOptions {
  /** A return's sheet name (lower case) → the template's, for sheets it renamed. */
  sheetNames?: ReadonlyMap<string, string>;
}

function functionName(text: string): string {
  return text.toUpperCase().replace(/^_XLFN\.(_XLWS\.)?/, "");
}

/** The canonical text of a formula (with or without its leading "="). */
export function canonicalFormula(formula: string, options: CanonicalOptions = {}): string {
  // Add-in calls as a user types them (the file layer's one mapping of `_xldudf_ICS_X(`).
  const tokens = tokenize(fromFileFormula(formula.startsWith("=") ? formula.slice(1) : formula));
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t: Token = tokens[i];
    switch (t.kind) {
      case "space":
        break;
      case "function": {
        const name = functionName(t.text);
        // TRUE() and FALSE() are the constants TRUE and FALSE.
        if ((name === "TRUE" || name === "FALSE") && tokens[i + 1]?.kind === "open" && tokens[i + 2]?.kind === "close") {
          out.push(name);
          i += 2;
        } else out.push(name);
        break;
      }
      case "ref": {
        const sheet = t.prefix === undefined ? undefined : (options.sheetNames?.get(t.prefix.toLowerCase()) ?? t.prefix);
        out.push(`${sheet === undefined ? "" : `${sheet.toUpperCase()}!`}${(t.body ?? "").toUpperCase()}${t.brackets ?? ""}`);
        break;
      }
      default:
        out.push(t.kind === "string" ? t.text : t.text.toUpperCase());
    }
  }
  return out.join("");
}

/** The sheets a formula refers to by name (lower case), e.g. `Places!$C$20` → "places". */
export function sheetsReferred(formula: string): Set<string> {
  const sheets = new Set<string>();
  for (const t of tokenize(formula.startsWith("=") ? formula.slice(1) : formula)) if (t.kind === "ref" && t.prefix !== undefined) sheets.add(t.prefix.toLowerCase());
  return sheets;
}
