/**
 * An outside framework (dictionary source) served back through the CASE 1.1 binding: its items
 * under their own identifiers, its hierarchy as isChildOf, and the curators' mappings to the
 * KCM as associations. CASE 1.1 has no broader/narrower: "narrower than a KCM entry" is
 * `isPartOf` (outside → KCM), "broader than" the same type the other way (KCM → outside),
 * exact match `exactMatchOf` and related `isRelatedTo` (docs/decisions/018).
 */
import { v5 as uuidv5 } from "uuid";
import { eq, sql } from "drizzle-orm";
import { getClient, getDb } from "@db/client";
import { dictionarySources, sourceEntries } from "@db/schema";
import { CASE_DEFAULT_BASE_URI, CASE_NAMESPACE, caseUris } from "@export/case-ids";
import { mappingsOfSource, type MappingRelation } from "./mapping.server";
import { exportOptions } from "../publication/export.server";

type Ref = { title: string; identifier: string; uri: string };
type SourceAssociation = {
  identifier: string;
  uri: string;
  associationType: "isChildOf" | "exactMatchOf" | "isRelatedTo" | "isPartOf";
  sequenceNumber?: number;
  originNodeURI: Ref;
  destinationNodeURI: Ref;
  lastChangeDateTime: string;
};

/** The identifier of the isChildOf association of an outside entry (the package's own association ids are not kept). */
export const sourceChildAssociationId = (entryId: string) => uuidv5(`source-child:${entryId}`, CASE_NAMESPACE);

const MAPPING_TYPES: Record<MappingRelation, { type: SourceAssociation["associationType"]; fromKcm: boolean }> = {
  exactMatch: { type: "exactMatchOf", fromKcm: false },
  related: { type: "isRelatedTo", fromKcm: false },
  narrower: { type: "isPartOf", fromKcm: false },
  broader: { type: "isPartOf", fromKcm: true },
};

const time = (s: string | null | undefined, fallback: string) => s || fallback;

/** The CFPackage of one source, with its mappings; null when there is no such source (matched ignoring case, as the binding lower-cases ids). */
export function sourceCasePackage(identifier: string) {
  const db = getDb();
  const source = db.select().from(dictionarySources).where(eq(sql`lower(${dictionarySources.id})`, identifier.toLowerCase())).get();
  if (!source) return null;
  const uris = caseUris(exportOptions().baseUri ?? CASE_DEFAULT_BASE_URI);
  const docRef: Ref = { title: source.title, identifier: source.id, uri: uris.of("CFDocuments", source.id) };
  const entries = db.select().from(sourceEntries).where(eq(sourceEntries.sourceId, source.id)).orderBy(sourceEntries.sortOrder).all();
  const refOf = new Map(entries.map((e) => [e.id, { title: e.humanCodingScheme || e.abbreviatedStatement || e.fullStatement.slice(0, 100), identifier: e.id, uri: uris.of("CFItems", e.id) }] as const));
  const CFDocument = {
    identifier: source.id,
    uri: docRef.uri,
    caseVersion: "1.1" as const,
    creator: source.creator || source.title,
    title: source.title,
    lastChangeDateTime: time(source.lastChangeDateTime, source.updatedAt),
    ...(source.description ? { description: source.description } : {}),
    ...(source.version ? { version: source.version } : {}),
    ...(source.uri ? { officialSourceURL: source.uri } : {}),
  };
  const CFItems = entries.map((e) => ({
    identifier: e.id,
    uri: uris.of("CFItems", e.id),
    fullStatement: e.fullStatement,
    ...(e.abbreviatedStatement ? { abbreviatedStatement: e.abbreviatedStatement } : {}),
    ...(e.humanCodingScheme ? { humanCodingScheme: e.humanCodingScheme } : {}),
    ...(e.itemType ? { CFItemType: e.itemType } : {}),
    ...(e.language ? { language: e.language } : {}),
    ...(e.notes ? { notes: e.notes } : {}),
    lastChangeDateTime: time(e.lastChangeDateTime, e.updatedAt),
  }));
  const place = new Map<string, number>();
  const children: SourceAssociation[] = entries.map((e) => {
    const parentKey = e.parentId ?? "";
    const sequenceNumber = (place.get(parentKey) ?? 0) + 1;
    place.set(parentKey, sequenceNumber);
    const identifier = sourceChildAssociationId(e.id);
    return {
      identifier,
      uri: uris.of("CFAssociations", identifier),
      associationType: "isChildOf",
      sequenceNumber,
      originNodeURI: refOf.get(e.id) as Ref,
      destinationNodeURI: (e.parentId && refOf.get(e.parentId)) || docRef,
      lastChangeDateTime: time(e.lastChangeDateTime, e.updatedAt),
    };
  });
  const mapped: SourceAssociation[] = mappingsOfSource({ sourceId: source.id }).map((m) => {
    const outside = refOf.get(m.sourceEntryId) as Ref;
    const kcm: Ref = { title: m.competencyName, identifier: m.competencyId, uri: uris.of("CFItems", m.competencyId) };
    const { type, fromKcm } = MAPPING_TYPES[m.relation];
    return {
      identifier: m.id,
      uri: uris.of("CFAssociations", m.id),
      associationType: type,
      originNodeURI: fromKcm ? kcm : outside,
      destinationNodeURI: fromKcm ? outside : kcm,
      lastChangeDateTime: m.createdAt,
    };
  });
  return { CFDocument, CFItems, CFAssociations: [...children, ...mapped] };
}

/** The source that holds a CASE object with this (lower-cased) identifier, if any: the source itself, one of its items or associations. */
export function sourceIdOfCaseObject(identifier: string): string | null {
  const { sqlite } = getClient();
  const id = identifier.toLowerCase();
  const hit =
    (sqlite.prepare("select id from dictionary_sources where lower(id) = ?").pluck().get(id) as string | undefined) ??
    (sqlite.prepare("select source_id from source_entries where lower(id) = ?").pluck().get(id) as string | undefined) ??
    (sqlite.prepare("select e.source_id from dictionary_mappings m join source_entries e on e.id = m.source_entry_id where m.id = ?").pluck().get(id) as string | undefined);
  return hit ?? null;
}

/** A CASE object of an outside source for the binding's lookups, or null. */
export function findSourceCaseObject(type: string, identifier: string): object | null {
  const sourceId = sourceIdOfCaseObject(identifier) ?? (type === "CFAssociations" ? findChildAssociationSource(identifier) : null);
  if (!sourceId) return null;
  const pkg = sourceCasePackage(sourceId);
  if (!pkg) return null;
  const id = identifier.toLowerCase();
  const inDocument = { CFDocumentURI: { title: pkg.CFDocument.title, identifier: pkg.CFDocument.identifier, uri: pkg.CFDocument.uri } };
  if (type === "CFPackages") return pkg.CFDocument.identifier.toLowerCase() === id ? pkg : null;
  if (type === "CFDocuments") return pkg.CFDocument.identifier.toLowerCase() === id ? { ...pkg.CFDocument, CFPackageURI: { ...inDocument.CFDocumentURI, uri: pkg.CFDocument.uri.replace("/CFDocuments/", "/CFPackages/") } } : null;
  if (type === "CFItems") {
    const item = pkg.CFItems.find((i) => i.identifier.toLowerCase() === id);
    return item ? { ...inDocument, ...item } : null;
  }
  if (type === "CFAssociations") {
    const a = pkg.CFAssociations.find((x) => x.identifier.toLowerCase() === id);
    return a ? { ...inDocument, ...a } : null;
  }
  return null;
}

// why a scan: isChildOf ids are derived (v5) from the entry id, so they are found by deriving each one.
function findChildAssociationSource(identifier: string): string | null {
  const rows = getDb().select({ id: sourceEntries.id, sourceId: sourceEntries.sourceId }).from(sourceEntries).all();
  return rows.find((r) => sourceChildAssociationId(r.id) === identifier.toLowerCase())?.sourceId ?? null;
}
