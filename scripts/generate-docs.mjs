#!/usr/bin/env node
// Writes the generated documents (glossary, rules, JSON Schema) from the built core. A test fails when
// the committed copies are stale; run `npm run docs` then.
import { writeFileSync } from 'node:fs';
import { glossaryMarkdown, rulesMarkdown } from '@jixiao/core';
import { formJsonSchema } from '@jixiao/core/schema';

const docs = new URL('../docs/', import.meta.url);
writeFileSync(new URL('glossary.md', docs), glossaryMarkdown());
writeFileSync(new URL('rules.md', docs), rulesMarkdown());
writeFileSync(new URL('form.schema.json', docs), `${JSON.stringify(formJsonSchema(), null, 2)}\n`);
console.log('docs/glossary.md, docs/rules.md, docs/form.schema.json written');
