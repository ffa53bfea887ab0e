/** The seed form (demo/panyu-kgxj-2021.txt) read by io, for tests of the web app's pure logic. */
import { readFileSync } from 'node:fs';
import type { FormDocument } from '@jixiao/core';
import { importFormText } from '@jixiao/io';

/** A fresh copy of the seed form. */
export function seedForm(): FormDocument {
  const form = importFormText(readFileSync(new URL('../../../demo/panyu-kgxj-2021.txt', import.meta.url), 'utf8')).value;
  if (!form) throw new Error('the seed form did not import');
  return form;
}
