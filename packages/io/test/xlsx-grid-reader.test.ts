import type { FormDocument } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { formFromGrid } from '../src/grid/form-from-grid.js';
import { layoutGrid } from '../src/grid/layout-grid.js';
import { layoutForm } from '../src/layout/form-layout.js';
import { importFormText } from '../src/index.js';
import { SEED_TEXT } from './helpers/seed.js';

const seed = importFormText(SEED_TEXT).value as FormDocument;

describe('the grid reader on the printed layout', () => {
  it('reads the seed’s printed layout back to exactly the form the text import gave', () => {
    const read = formFromGrid([layoutGrid(layoutForm(seed))]);
    expect(read.problems).toEqual([]);
    expect(read.value?.form).toEqual(seed);
  });
});
