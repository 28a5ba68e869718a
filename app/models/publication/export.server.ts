/**
 * A ministry's framework as interchange files (export/ makes the bytes): the draft for its
 * authors, and published versions from their immutable stored snapshot. The CLI and the read API
 * both come through here, so they give the same bytes for the same version.
 */
import { sha256Hex } from "@db/hash";
import { exportChunks, type CaseOptions, type ExportFormat } from "@export/index";
import { loadDraftDocument } from "../draft/document.server";
import { memoBySnapshot } from "./snapshot-cache.server";
import { appBaseUrl, type Env } from "~/config.server";
import { getVersion, getVersionBytes, getVersionText, type VersionBytes } from "./versions.server";


/** What the exports take from the deployment: CASE `uri`s point at this server's CASE binding. */
export function exportOptions(env?: Env): CaseOptions {
  return { baseUri: appBaseUrl(env) };
}

export type ExportSource = { nodes: number; links: number; chunks: AsyncIterable<string | Buffer> };

/** The ministry's draft in a format, or null when it has no framework yet. */
export function draftExport({ mdoId, format }: { mdoId: string; format: ExportFormat }): ExportSource | null {
  const doc = loadDraftDocument({ mdoId });
  if (!doc) return null;
  return { nodes: doc.nodes.length, links: doc.links.length, chunks: exportChunks(doc, format, exportOptions()) };
}

/**
 * A published version in a format, or null when there is no such version. JSON is the stored
 * text byte for byte; the other formats are built from that same snapshot.
 */
export function publishedExport({ mdoId, number, format }: { mdoId: string; number: number; format: ExportFormat }): ExportSource | null {
  if (format === "json") {
    const stored = getVersionText({ mdoId, number });
    return stored && { nodes: stored.nodeCount, links: stored.linkCount, chunks: storedText(stored.text) };
  }
  const version = getVersion({ mdoId, number });
  return version && { nodes: version.nodeCount, links: version.linkCount, chunks: exportChunks(version.document, format, exportOptions()) };
}

async function* storedText(text: string): AsyncGenerator<string> {
  yield text;
}

/**
 * A published version as one file with its sha256 (its strong ETag), or null. Each file is built
 * once per process, so every response carries the same bytes (an XLSX embeds its build time).
 */
export async function publishedFile({ mdoId, number, format }: { mdoId: string; number: number; format: ExportFormat }): Promise<VersionBytes | null> {
  const stored = getVersionBytes({ mdoId, number });
  if (!stored || format === "json") return stored;
  const key = `${stored.sha256}:${format}:${exportOptions().baseUri}`;
  return memoBySnapshot(key, async () => {
    const source = publishedExport({ mdoId, number, format });
    if (!source) throw new Error(`version ${number} vanished while its ${format} file was built`);
    const parts: Buffer[] = [];
    for await (const chunk of source.chunks) parts.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk);
    const bytes = new Uint8Array(Buffer.concat(parts));
    return { bytes, sha256: sha256Hex(bytes) };
  });
}
