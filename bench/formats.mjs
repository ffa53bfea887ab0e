// The Excel and PDF formats: importing as a ratio to the library merely loading the same file (exceljs
// loading the workbook, pdfjs-dist extracting the PDF's text), and exporting the seed.
import ExcelJS from 'exceljs';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readFormPdf, readFormXlsx, serializeForm, writeForm } from '@jixiao/io';
import { medianMs, ratioRow } from './measure.mjs';

/** pdfjs-dist opening a PDF and extracting the text of every page: the floor of PDF import. */
async function pdfText(bytes) {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  for (let n = 1; n <= doc.numPages; n += 1) await (await doc.getPage(n)).getTextContent();
  await doc.destroy();
}

/** The rows of the formats section, for the seed form. */
export async function formatRows(form) {
  const written = async (extension) => {
    const result = await writeForm(form, extension, { lang: 'zh' });
    if (!result.ok) throw new Error(`cannot write ${extension}`);
    return result.bytes;
  };
  const xlsx = await written('.xlsx');
  const pdf = await written('.pdf');
  const rows = [];
  const load = await medianMs(() => new ExcelJS.Workbook().xlsx.load(xlsx));
  const xlsxImport = await medianMs(() => readFormXlsx(xlsx));
  rows.push(ratioRow('Excel import of the seed (.xlsx written by jixiao)', xlsxImport, 'exceljs loading the same workbook', load, 1.3));
  const text = await medianMs(() => pdfText(pdf));
  const pdfImport = await medianMs(() => readFormPdf(pdf));
  rows.push(ratioRow('PDF import of the seed (.pdf written by jixiao)', pdfImport, 'pdfjs-dist extracting the same PDF’s text', text, 1.3));
  const json = await medianMs(() => serializeForm(form));
  rows.push(ratioRow('Excel export of the seed', await medianMs(() => written('.xlsx')), 'canonical JSON of the same form', json));
  rows.push(ratioRow('PDF export of the seed (font subset embedded)', await medianMs(() => written('.pdf')), 'canonical JSON of the same form', json));
  return rows;
}
