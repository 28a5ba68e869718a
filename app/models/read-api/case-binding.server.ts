/**
 * The objects of the CASE 1.1 REST binding (/ims/case/v1p1): the latest published version of
 * every framework as a CFPackage, indexed by identifier, in the shapes the binding's lookups
 * answer with (a CFDocument with its CFPackageURI, a CFItem with its CFDocumentURI, ...).
 */
import { buildCasePackage, type CFPackage } from "@export/index";
import type { CFAssociation, CFDocument, CFItem, CFItemType, CFRubric, LinkUri } from "@export/case-types";
import { exportOptions } from "../publication/export.server";
import { memoBySnapshot } from "../publication/snapshot-cache.server";
import { getVersion, listPublishedFrameworks } from "../publication/versions.server";

export type CaseDocument = CFDocument & { CFPackageURI: LinkUri };
export type CaseItem = { CFDocumentURI: LinkUri } & CFItem;
export type CaseAssociation = { CFDocumentURI: LinkUri } & CFAssociation;

type CaseObjects = {
  CFDocuments: CaseDocument;
  CFPackages: CFPackage;
  CFItems: CaseItem;
  CFAssociations: CaseAssociation;
  CFRubrics: CFRubric;
  CFItemTypes: CFItemType;
};
export type CaseLookupType = keyof CaseObjects;

type CaseIndex = {
  documents: CaseDocument[];
  byType: { [T in CaseLookupType]: Map<string, CaseObjects[T]> };
  /** The package's associations (without CFDocumentURI, as a CFAssociationSet holds them) by either end. */
  associationsByItem: Map<string, CFAssociation[]>;
  /** The ministries whose packages hold an object, by its identifier (a shared rubric is in several). */
  ministriesOf: Map<string, Set<string>>;
};

const documentRef = (doc: CFDocument): LinkUri => ({ title: doc.title, identifier: doc.identifier, uri: doc.uri });

/** The CFDocument as the binding serves it: with a link to its whole package. */
function withPackageUri(doc: CFDocument): CaseDocument {
  return { ...doc, CFPackageURI: { title: doc.title, identifier: doc.identifier, uri: doc.uri.replace("/CFDocuments/", "/CFPackages/") } };
}

function emptyIndex(): CaseIndex {
  return {
    documents: [],
    byType: { CFDocuments: new Map(), CFPackages: new Map(), CFItems: new Map(), CFAssociations: new Map(), CFRubrics: new Map(), CFItemTypes: new Map() },
    associationsByItem: new Map(),
    ministriesOf: new Map(),
  };
}

// A shared competency is in several ministries' packages: the first framework (by ministry name) names its document.
function setOnce<T>(map: Map<string, T>, key: string, value: T): void {
  if (!map.has(key)) map.set(key, value);
}

function addPackage(index: CaseIndex, pkg: CFPackage, mdoId: string): void {
  const id = pkg.CFDocument.identifier;
  const ids = [id, ...pkg.CFItems.map((i) => i.identifier), ...pkg.CFAssociations.map((a) => a.identifier), ...pkg.CFRubrics.map((r) => r.identifier), ...pkg.CFDefinitions.CFItemTypes.map((t) => t.identifier)];
  for (const objectId of ids) {
    const set = index.ministriesOf.get(objectId) ?? new Set<string>();
    set.add(mdoId);
    index.ministriesOf.set(objectId, set);
  }
  const inDocument = { CFDocumentURI: documentRef(pkg.CFDocument) };
  const document = withPackageUri(pkg.CFDocument);
  index.documents.push(document);
  index.byType.CFDocuments.set(id, document);
  index.byType.CFPackages.set(id, pkg);
  for (const item of pkg.CFItems) setOnce(index.byType.CFItems, item.identifier, { ...inDocument, ...item });
  for (const a of pkg.CFAssociations) {
    setOnce(index.byType.CFAssociations, a.identifier, { ...inDocument, ...a });
    for (const end of [a.originNodeURI.identifier, a.destinationNodeURI.identifier]) {
      const list = index.associationsByItem.get(end) ?? [];
      list.push(a);
      index.associationsByItem.set(end, list);
    }
  }
  for (const r of pkg.CFRubrics) setOnce(index.byType.CFRubrics, r.identifier, r);
  for (const t of pkg.CFDefinitions.CFItemTypes) setOnce(index.byType.CFItemTypes, t.identifier, t);
}

/**
 * The CASE objects of every framework's latest published version, or of one ministry's only
 * (what a token scoped to it may read); each package built once per snapshot.
 */
async function caseIndex(mdoId: string | null = null): Promise<CaseIndex> {
  const latest = listPublishedFrameworks().filter((f) => mdoId === null || f.mdoId === mdoId);
  const { baseUri } = exportOptions();
  const key = `case-index:${baseUri}:${latest.map((f) => f.sha256).join(",")}`;
  return memoBySnapshot(key, async () => {
    const index = emptyIndex();
    for (const f of latest) {
      const pkg = await memoBySnapshot(`${f.sha256}:case-object:${baseUri}`, () => {
        const version = getVersion({ mdoId: f.mdoId, number: f.latestVersion });
        if (!version) throw new Error(`version ${f.latestVersion} of ${f.code} vanished`);
        return buildCasePackage(version.document, { baseUri });
      });
      addPackage(index, pkg, f.mdoId);
    }
    return index;
  });
}

/** One CFDocument per published framework (its latest version), by ministry name; `mdoId` keeps one ministry's. */
export async function listCaseDocuments(mdoId: string | null = null): Promise<CaseDocument[]> {
  return [...(await caseIndex(mdoId)).documents];
}

/** The CASE object of this type with this (lower-case) identifier, or null; `mdoId` looks only in that ministry's package. */
export async function findCaseObject<T extends CaseLookupType>(type: T, identifier: string, mdoId: string | null = null): Promise<CaseObjects[T] | null> {
  return (await caseIndex(mdoId)).byType[type].get(identifier) ?? null;
}

/** A CFAssociationSet: the item and every association it is the origin or destination of; null for an unknown item. */
export async function findItemAssociations(identifier: string, mdoId: string | null = null): Promise<{ CFItem: CaseItem; CFAssociations: CFAssociation[] } | null> {
  const index = await caseIndex(mdoId);
  const item = index.byType.CFItems.get(identifier);
  return item ? { CFItem: item, CFAssociations: index.associationsByItem.get(identifier) ?? [] } : null;
}

/** The ministries whose latest published package holds the object with this identifier (empty if none). */
export async function caseObjectMinistries(identifier: string): Promise<ReadonlySet<string>> {
  return (await caseIndex()).ministriesOf.get(identifier) ?? new Set();
}
