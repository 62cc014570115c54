import { test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { openApiDocument } from './openapi-document';
test('dump', () => { writeFileSync('/tmp/oa/doc.json', JSON.stringify(openApiDocument(), null, 2)); });
