/**
 * Excel writes `xml:space="preserve"` on a `<t>` whose text begins or ends with a space (and
 * trims such text without it), but ECMA-376's schema types `<t>` as a simple string that takes
 * no attributes. Before validating a package that carries such text, the attribute is dropped;
 * everything else is validated as written.
 */
import { Package, readPackage } from "../../src/xlsx/write";

export function withoutXmlSpaceOnText(bytes: Uint8Array): Package {
  const pkg = readPackage(bytes);
  for (const part of pkg.names()) if (part.endsWith(".xml")) pkg.set(part, pkg.text(part).replace(/<t xml:space="preserve">/g, "<t>"));
  return pkg;
}
