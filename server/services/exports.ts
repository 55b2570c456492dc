/**
 * Charter and board exports for any member (observers too). Reads the server's own copies of
 * the documents and the decision records, builds the export model once, and renders the format
 * asked for. Nothing here writes.
 */
import { createHash } from 'node:crypto';
import type * as Y from 'yjs';
import type { Language } from '../../shared/api.js';
import { BoardDoc } from '../../shared/board/board-doc.js';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { formatRoom } from '../../shared/ids.js';
import type { PrincipleView } from '../../shared/realtime/events.js';
import { authorize, type Actor } from '../auth/access.js';
import { CharterDoc } from '../../shared/charter/charter-doc.js';
import type { actorDiagramSvg } from '../export/actor-diagram.js';
import type { PngRenderer } from '../export/png-renderer.js';
import { layoutCharter } from '../export/charter-layout.js';
import { buildCharterModel } from '../export/charter-model.js';
import { coverMilestone } from '../export/vision-endorsement.js';
import { CONTENT_TYPES, slug, type ExportFile } from '../export/files.js';
import { exportLabels } from '../export/labels.js';
import type { AuditEntry, Store } from '../store/types.js';
import { charterAudit } from './audit-summary.js';

/**
 * The document writers and the actor-map drawing load on first use: pdfkit, fontkit, docx, the
 * hyphenation patterns and mdast add about 24 MB to a server that never exports (issue #19).
 */
const writers = {
  markdown: () => import('../export/markdown.js'),
  docx: () => import('../export/docx.js'),
  pdf: () => import('../export/pdf.js'),
  diagram: () => import('../export/actor-diagram.js'),
};

export interface ExportDeps {
  store: Store;
  docs: { read<T>(room: string, fn: (doc: Y.Doc) => T): Promise<T> };
  /** Every principle with its status and stances, as the server computes them. */
  principles(actor: Actor, workshopId: string): Promise<PrincipleView[]>;
  verifyAudit(entries: AuditEntry[]): { ok: boolean };
  /** Pictures off the event loop, within a time limit (see export/png-renderer.ts). */
  pictures: Pick<PngRenderer, 'document' | 'board'>;
  /** Writes the last-editor records still waiting (server/sync/last-edits.ts), so the export names the latest. */
  flushLastEdits?: () => Promise<void>;
  now?: () => Date;
}

export type CharterFormat = 'md' | 'docx' | 'pdf' | 'json';
export type BoardFormat = 'svg' | 'png';
export type ExportService = ReturnType<typeof createExportService>;

const LOCALES: Record<Language, string> = { nn: 'nn-NO', nb: 'nb-NO', en: 'en-GB' };
/** The actor map's longer side in pixels: about 300 dpi at the largest size the documents print it. */
const ACTOR_MAP_PIXELS = 2000;
/** Actor map pictures kept, by their SVG: exporting an unchanged charter again draws nothing. */
const ACTOR_MAPS_KEPT = 16;

export function createExportService(deps: ExportDeps) {
  const { store } = deps;
  const now = () => (deps.now ?? (() => new Date()))();
  // Least recently used first; a picture is a function of its SVG alone, so any workshop with
  // the same SVG (the same names and places) may share it.
  const actorMaps = new Map<string, Buffer>();
  async function actorMapPng(svg: string, width: number, height: number): Promise<Buffer> {
    const key = createHash('sha256').update(svg).digest('base64');
    const kept = actorMaps.get(key);
    if (kept) actorMaps.delete(key);
    const png = kept ?? (await deps.pictures.document(svg, width, height, ACTOR_MAP_PIXELS));
    actorMaps.set(key, png);
    if (actorMaps.size > ACTOR_MAPS_KEPT) actorMaps.delete(actorMaps.keys().next().value!);
    return png;
  }

  async function workshopOf(workshopId: string) {
    const w = await store.workshops.get(workshopId);
    if (!w) throw new AppError(ErrorCode.workshopNotFound, 404, 'No such workshop.');
    return w;
  }

  return {
    async charter(actor: Actor, workshopId: string, opts: { format: CharterFormat; lang?: Language; all: boolean }): Promise<ExportFile> {
      authorize(actor, 'workshop.read', workshopId);
      const workshop = await workshopOf(workshopId);
      const language = opts.lang ?? workshop.language;
      await deps.flushLastEdits?.();
      const [organisations, members, principles, milestones, audit, edits, visionStances] = await Promise.all([
        store.workshops.organisations(workshopId),
        store.workshops.members(workshopId),
        deps.principles(actor, workshopId),
        store.vision.milestones(workshopId),
        charterAudit(store, workshopId, deps.verifyAudit),
        store.edits.list(workshopId, 'charter'),
        store.vision.stances(workshopId),
      ]);
      const cover = coverMilestone(milestones, visionStances, organisations);
      const coverSnapshot = cover ? ((await store.vision.milestone(workshopId, cover.id))?.snapshot ?? null) : null;
      const at = now();
      const labels = exportLabels[language];
      let diagram: ReturnType<typeof actorDiagramSvg> = null;
      const drawing = opts.format === 'docx' || opts.format === 'pdf' ? await writers.diagram() : null;
      const model = await deps.docs.read(formatRoom({ workshopId, part: { kind: 'vision' } }), (vision) =>
        deps.docs.read(formatRoom({ workshopId, part: { kind: 'charter' } }), (charter) => {
          if (drawing) {
            const c = new CharterDoc(charter, () => '');
            diagram = drawing.actorDiagramSvg(c.actors(), c.relations(), (kind) => labels.relationKinds[kind] ?? kind);
          }
          return buildCharterModel(
            {
              workshop, organisations, members, vision, charter, principles, milestones, audit, edits, visionStances, coverSnapshot,
            },
            { language, all: opts.all, now: at },
          );
        }),
      );
      const filename = `${slug(workshop.title)}-${language === 'en' ? 'charter' : 'avtale'}-${at.toISOString().slice(0, 10)}.${opts.format}`;
      const file = (body: Buffer): ExportFile => ({ body, contentType: CONTENT_TYPES[opts.format], filename });
      if (opts.format === 'json') return file(Buffer.from(JSON.stringify(model, null, 2) + '\n'));
      const dateFormat = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' });
      const picture = diagram as ReturnType<typeof actorDiagramSvg>;
      const actorMap = picture ? { png: await actorMapPng(picture.svg, picture.width, picture.height), width: picture.width, height: picture.height } : undefined;
      const nodes = layoutCharter(model, labels, (iso) => (Number.isNaN(Date.parse(iso)) ? iso : dateFormat.format(new Date(iso))), actorMap);
      const meta = { title: `${model.workshop.title} — ${labels.charter}`, author: 'Samskap', language };
      if (opts.format === 'md') return file(Buffer.from((await writers.markdown()).renderMarkdown(nodes)));
      if (opts.format === 'docx') return file(await (await writers.docx()).renderDocx(nodes, meta));
      return file(await (await writers.pdf()).renderPdf(nodes, meta));
    },

    async board(actor: Actor, workshopId: string, boardId: string, opts: { format: BoardFormat; frame?: string }): Promise<ExportFile> {
      authorize(actor, 'workshop.read', workshopId);
      const workshop = await workshopOf(workshopId);
      const boards = await store.workshops.boards(workshopId);
      const board = boards.find((b) => b.id === boardId);
      if (!board) throw new AppError(ErrorCode.notFound, 404, 'No such board in this workshop.');
      const organisations = (await store.workshops.organisations(workshopId)).map((o) => ({ id: o.id, name: o.name, color: o.color, orgNumber: o.orgNumber ?? null }));
      const elements = await deps.docs.read(formatRoom({ workshopId, part: { kind: 'board', boardId } }), (doc) => new BoardDoc(doc, () => '').list());
      // The board's images go inside the file (data: URIs), so the export stands alone.
      const pictures = new Map<string, string>();
      for (const id of new Set(elements.map((e) => e.image).filter((x): x is string => !!x))) {
        const image = await store.images.get(workshopId, id);
        if (image) pictures.set(id, `data:${image.mime};base64,${Buffer.from(image.bytes).toString('base64')}`);
      }
      let body: Buffer;
      try {
        body = await deps.pictures.board({ title: `${workshop.title} — ${board.title}`, elements, organisations, frameId: opts.frame, pictures }, opts.format);
      } catch (err) {
        if (err instanceof RangeError) throw new AppError(ErrorCode.notFound, 404, 'frame: no such frame on this board.', { field: 'frame' });
        throw err;
      }
      const filename = `${slug(workshop.title)}-${slug(board.title, 'board')}${opts.frame ? '-frame' : ''}.${opts.format}`;
      return { body, contentType: CONTENT_TYPES[opts.format], filename };
    },
  };
}
