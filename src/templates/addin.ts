/**
 * The add-in as a template file references it: the manifest's `<Id>` and `<Version>` (a test
 * keeps these equal to manifest.xml) and how the add-in is deployed, which decides the catalogue
 * Excel looks it up in. Central deployment (Microsoft 365 admin centre) is the default; a build
 * or a CLI run picks another with ICS_ADDIN_STORE_TYPE (and ICS_ADDIN_STORE for a shared folder),
 * see the README.
 */
import type { AddinReference } from "../xlsx/write";

export const MANIFEST_ID = "6b0f3c52-8d4e-4a7b-9c1e-2f5a7d9e3b41";
export const MANIFEST_VERSION = "0.1.0.0";

export type StoreType = "EXCatalog" | "FileSystem" | "Registry";

/** What Excel expects in `store` for each deployment ([MS-OWEXML], Microsoft's auto-open docs). */
export function addinReference(storeType: StoreType = "EXCatalog", store?: string): AddinReference {
  switch (storeType) {
    case "EXCatalog":
      return { id: MANIFEST_ID, version: MANIFEST_VERSION, storeType, store: "EXCatalog" };
    case "Registry":
      return { id: MANIFEST_ID, version: MANIFEST_VERSION, storeType, store: "developer" };
    case "FileSystem":
      if (!store) throw new Error("a shared-folder deployment (FileSystem) needs the folder's path in ICS_ADDIN_STORE, e.g. \\\\server\\addins");
      return { id: MANIFEST_ID, version: MANIFEST_VERSION, storeType, store };
  }
}

/** The deployment named by ICS_ADDIN_STORE_TYPE / ICS_ADDIN_STORE in an environment (Node only callers). */
export function addinReferenceFrom(env: Readonly<Record<string, string | undefined>>): AddinReference {
  const type = env.ICS_ADDIN_STORE_TYPE || "EXCatalog";
  if (type !== "EXCatalog" && type !== "FileSystem" && type !== "Registry") {
    throw new Error(`ICS_ADDIN_STORE_TYPE must be EXCatalog (central deployment), FileSystem (a shared folder) or Registry (sideloaded), not "${type}"`);
  }
  return addinReference(type, env.ICS_ADDIN_STORE || undefined);
}
