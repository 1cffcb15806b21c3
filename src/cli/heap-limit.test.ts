import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS, NODE_HEAP_LIMIT_MIB } from './heap-limit.js';

describe('the heap limit a node runs with', () => {
  it('is what npm start passes to Node, with the growing factor', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(manifest.scripts.start).toContain(`node ${NODE_FLAGS.join(' ')} `);
    expect(NODE_FLAGS).toContain(`--max-old-space-size=${NODE_HEAP_LIMIT_MIB}`);
  });

  it('stays under the 2 GiB from which V8 lets a heap grow to four times what is live', () => {
    expect(NODE_HEAP_LIMIT_MIB).toBeLessThan(2048);
  });

  it('is read back from V8 by a node started with it', () => {
    // The compiled module (npm test builds first), in a process of its own started as npm start does.
    const compiled = new URL('../../dist/src/cli/heap-limit.js', import.meta.url).href;
    // Node refuses to start on a V8 flag it does not know (`bad option`), so this also shows the
    // growing factor's flag is still one this Node takes.
    const printed = execFileSync(process.execPath, [
      ...NODE_FLAGS,
      '--input-type=module',
      '--eval',
      `import { heapLimitMib } from ${JSON.stringify(compiled)}; console.log(heapLimitMib());`,
    ]);
    // V8's limit is the old generation's plus the young generation's few tens of MiB.
    const limit = Number(String(printed).trim());
    expect(limit).toBeGreaterThanOrEqual(NODE_HEAP_LIMIT_MIB);
    expect(limit).toBeLessThan(NODE_HEAP_LIMIT_MIB + 256);
  });
});
