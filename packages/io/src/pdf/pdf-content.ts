/**
 * What jixiao needs of a PDF, through pdfjs-dist: each page's text pieces with their positions and the
 * straight lines drawn on it (a table's rules), both in points from the page's top-left corner, and the
 * marks jixiao puts on its own PDFs (cell-marks.ts), which make the drawing unnecessary. Bounded:
 * a page limit, a time limit over the whole reading, caps on text pieces and drawing operations per page,
 * and images never decoded (only their absence of text matters). Encrypted, damaged and text-less PDFs
 * end in a problem, never an exception.
 */
import type { Problem } from '@jixiao/core';
import { fileURLToPath } from 'node:url';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PARAGRAPH_TAG, placeOfTag } from './cell-marks.js';
import { absorbingStrayRejections } from './pdfjs-stray-rejections.js';

/** A run of text as placed on the page. */
export interface TextPiece {
  readonly text: string;
  /** Left edge and baseline, from the page's top-left corner. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Font size (the text's height). */
  readonly size: number;
  /** The jixiao cell mark around the piece (cell-marks.ts), or null. */
  readonly mark: string | null;
  /** True inside a jixiao paragraph mark: the first line of a paragraph. */
  readonly paragraphStart: boolean;
}

/** A horizontal or vertical rule. */
export interface Rule {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface PdfPage {
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly pieces: readonly TextPiece[];
  readonly rules: readonly Rule[];
}

export interface ReadLimits {
  /** Pages read at most; a longer PDF is refused. */
  readonly maxPages: number;
  /** Milliseconds the whole reading may take. */
  readonly timeoutMs: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxPages: 100, timeoutMs: 30_000 };

/** Text pieces and drawing operations looked at per page. */
const MAX_PIECES = 50_000;
const MAX_OPERATIONS = 200_000;

export type PdfContent = { readonly ok: true; readonly pages: readonly PdfPage[]; readonly problems: readonly Problem[] } | { readonly ok: false; readonly problem: Problem };

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

const fail = (code: string, params: Record<string, string | number> = {}): PdfContent => ({ ok: false, problem: { code, severity: 'error', path: '', params } });

class Timeout extends Error {}

function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.slice(0, 120) ?? 'unknown error';
}

type PdfJs = typeof PdfJsModule;
type PdfPageProxy = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

/** The rules drawn on a page: straight stroked segments and thin filled rectangles, in viewport coordinates. */
async function rulesOf(pdfjs: PdfJs, page: PdfPageProxy, view: Matrix): Promise<Rule[]> {
  const list = await page.getOperatorList();
  const OPS = pdfjs.OPS;
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  const count = Math.min(list.fnArray.length, MAX_OPERATIONS);
  const add = (a: [number, number], b: [number, number]): void => {
    const [x1, y1] = apply(view, a[0], a[1]);
    const [x2, y2] = apply(view, b[0], b[1]);
    rules.push({ x1, y1, x2, y2 });
  };
  for (let i = 0; i < count; i += 1) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform && args !== null) ctm = multiply(ctm, args.slice(0, 6) as Matrix);
    else if (fn === OPS.constructPath && args !== null) {
      const paint = args[0] as number;
      const data = args[1] as ArrayLike<number>[] | null;
      if (paint === OPS.endPath || data === null) continue;
      const filled = paint === OPS.fill || paint === OPS.eoFill;
      for (const path of data) addPath(path, ctm, filled, add);
    }
  }
  return rules;
}

/** The segments of one path (pdfjs draw operations: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadratic, 4 close). */
function addPath(path: ArrayLike<number>, ctm: Matrix, filled: boolean, add: (a: [number, number], b: [number, number]) => void): void {
  const points: [number, number][] = [];
  let start: [number, number] | null = null;
  let current: [number, number] | null = null;
  let curved = false;
  const segments: [[number, number], [number, number]][] = [];
  for (let k = 0; k < path.length; ) {
    const op = path[k];
    if (op === 0) {
      current = apply(ctm, path[k + 1] ?? 0, path[k + 2] ?? 0);
      start = current;
      points.push(current);
      k += 3;
    } else if (op === 1) {
      const next = apply(ctm, path[k + 1] ?? 0, path[k + 2] ?? 0);
      if (current !== null) segments.push([current, next]);
      current = next;
      points.push(next);
      k += 3;
    } else if (op === 2) {
      curved = true;
      current = apply(ctm, path[k + 5] ?? 0, path[k + 6] ?? 0);
      k += 7;
    } else if (op === 3) {
      curved = true;
      current = apply(ctm, path[k + 3] ?? 0, path[k + 4] ?? 0);
      k += 5;
    } else if (op === 4) {
      if (current !== null && start !== null) segments.push([current, start]);
      current = start;
      k += 1;
    } else break;
  }
  if (curved) return;
  if (!filled) {
    for (const [a, b] of segments) add(a, b);
    return;
  }
  // A filled shape is a rule only when it is a thin rectangle (how Excel draws borders).
  if (points.length < 4) return;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const left = Math.min(...xs);
  const right = Math.max(...xs);
  const bottom = Math.min(...ys);
  const top = Math.max(...ys);
  if (right - left <= 2 && top - bottom > 2) add([(left + right) / 2, bottom], [(left + right) / 2, top]);
  else if (top - bottom <= 2 && right - left > 2) add([left, (top + bottom) / 2], [right, (top + bottom) / 2]);
}

/** Reads the pages of a PDF (see the module comment); pdfjs's stray rejections on damaged files absorbed. */
export function readPdfContent(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<PdfContent> {
  return absorbingStrayRejections(() => readPdfPages(bytes, limits));
}

async function readPdfPages(bytes: Uint8Array, limits: ReadLimits): Promise<PdfContent> {
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 1024)).indexOf('%PDF') < 0) {
    return fail('import.pdf.damaged', { detail: 'no %PDF header: not a PDF file' });
  }
  const pdfjs: PdfJs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = new URL('./', import.meta.resolve('pdfjs-dist/package.json'));
  const task = pdfjs.getDocument({
    // A copy as a plain Uint8Array: pdfjs-dist refuses Node Buffers and takes ownership of what it is given.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    maxImageSize: 0,
    verbosity: 0,
    cMapUrl: `${fileURLToPath(new URL('cmaps/', root))}/`,
    cMapPacked: true,
    standardFontDataUrl: `${fileURLToPath(new URL('standard_fonts/', root))}/`,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), limits.timeoutMs);
  });
  const bounded = <T>(promise: Promise<T>): Promise<T> => Promise.race([promise, deadline]);
  try {
    const doc = await bounded(task.promise);
    if (doc.numPages > limits.maxPages) return fail('import.pdf.tooManyPages', { pages: doc.numPages, limit: limits.maxPages });
    const pages: PdfPage[] = [];
    const problems: Problem[] = [];
    const views = new Map<number, Matrix>();
    for (let number = 1; number <= doc.numPages; number += 1) {
      try {
        const page = await bounded(doc.getPage(number));
        const viewport = page.getViewport({ scale: 1 });
        const view = viewport.transform as Matrix;
        const content = await bounded(page.getTextContent({ includeMarkedContent: true }));
        const pieces: TextPiece[] = [];
        const tags: (string | null)[] = [];
        for (const item of content.items.slice(0, MAX_PIECES)) {
          if (!('str' in item)) {
            // pdfjs gives the tag of a marked-content sequence, though its type declaration omits it.
            if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') tags.push((item as { tag?: string | null }).tag ?? null);
            else if (item.type === 'endMarkedContent') tags.pop();
            continue;
          }
          if (item.str.trim() === '') continue;
          const t = item.transform as Matrix;
          const [x, y] = apply(view, t[4], t[5]);
          const mark = [...tags].reverse().find((tag) => placeOfTag(tag) !== null) ?? null;
          pieces.push({ text: item.str, x, y, width: item.width, size: Math.hypot(t[2], t[3]), mark, paragraphStart: tags.includes(PARAGRAPH_TAG) });
        }
        pages.push({ number, width: viewport.width, height: viewport.height, pieces, rules: [] });
        views.set(number, view);
      } catch (error) {
        if (error instanceof Timeout) throw error;
        problems.push({ code: 'import.pdf.pageUnreadable', severity: 'warning', path: `第${number}页`, params: { page: number, detail: shortReason(error) } });
      }
    }
    if (pages.every((p) => p.pieces.length === 0)) return fail('import.pdf.noText', { pages: doc.numPages });
    // Rules only once there is text to place in them (a scanned PDF never gets its drawing read), and
    // only when the text does not carry jixiao's marks, which say where every piece belongs.
    const marked = pages.some((p) => p.pieces.some((piece) => piece.mark !== null));
    for (let i = 0; i < pages.length && !marked; i += 1) {
      const page = pages[i] as PdfPage;
      const proxy = await bounded(doc.getPage(page.number));
      pages[i] = { ...page, rules: await bounded(rulesOf(pdfjs, proxy, views.get(page.number) ?? IDENTITY)) };
    }
    return { ok: true, pages, problems };
  } catch (error) {
    if (error instanceof Timeout) return fail('import.pdf.timeout', { seconds: Math.round(limits.timeoutMs / 1000) });
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') return fail('import.pdf.encrypted');
    return fail('import.pdf.damaged', { detail: shortReason(error) });
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}
