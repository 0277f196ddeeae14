// The floor under a parallel audit of one tweet file: read it, cut it into batches and JSON.parse
// every item on the workers, and nothing else (no normalising, no classifying, no report). An
// audit does all of this and more, the same way (src/parallel), so no audit of the file can be
// faster than this on this machine.
//
//   node scripts/bench/parse-floor.js FILE [WORKERS]     (WORKERS: default the cores, up to 4; 0 = this thread)
//
// Prints one JSON line: {"ms": wall time, "items": items parsed, "workers": N}. It times, never asserts.
import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');
const { batchItems, jsonArrayBatches } = await import(pathToFileURL(path.join(dist, 'parallel/batches.js')).href);

/** Batches a worker may have queued, as the audit allows. */
const IN_FLIGHT = 3;

if (isMainThread) {
  const [file, asked] = process.argv.slice(2);
  const count = asked === undefined ? Math.min(availableParallelism(), 4) : Number(asked);
  const started = performance.now();
  const layout = {};
  const batches = jsonArrayBatches(createReadStream(file, { highWaterMark: 1024 * 1024 }), file, undefined, layout);
  let items = 0;
  if (count === 0) {
    for await (const batch of batches) items += parsed(batch, layout.itemEnd);
  } else {
    items = await onWorkers(batches, layout, count);
  }
  console.log(JSON.stringify({ ms: performance.now() - started, items, workers: count }));
} else {
  const itemEnd = Buffer.from(workerData.itemEnd);
  let items = 0;
  parentPort.on('message', (message) => {
    if (message === 'end') {
      parentPort.postMessage({ items });
      return;
    }
    items += parsed(Buffer.from(message), itemEnd);
    parentPort.postMessage('done');
  });
}

/** Parses a batch's items one by one, as the workers of an audit do. */
function parsed(batch, itemEnd) {
  const items = itemEnd ? batchItems(batch, itemEnd) : undefined;
  return (items ?? JSON.parse(batch.toString('utf8'))).length;
}

async function onWorkers(batches, layout, count) {
  const workers = [];
  const queued = [];
  let wake;
  try {
    for await (const batch of batches) {
      if (workers.length === 0) {
        // The layout is known once the first batch is cut.
        for (let i = 0; i < count; i++) {
          const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { itemEnd: layout.itemEnd ?? Buffer.alloc(0) } });
          worker.on('message', (message) => {
            if (message !== 'done') return;
            queued[i]--;
            wake?.();
          });
          workers.push(worker);
          queued.push(0);
        }
      }
      let least = 0;
      for (;;) {
        least = queued.indexOf(Math.min(...queued));
        if (queued[least] < IN_FLIGHT) break;
        await new Promise((resolve) => (wake = resolve));
      }
      queued[least]++;
      const bytes = batch.buffer.slice(batch.byteOffset, batch.byteOffset + batch.length);
      workers[least].postMessage(bytes, [bytes]);
    }
    const totals = await Promise.all(
      workers.map(
        (worker) =>
          new Promise((resolve, reject) => {
            worker.on('message', (message) => message !== 'done' && resolve(message.items));
            worker.on('error', reject);
            worker.postMessage('end');
          }),
      ),
    );
    return totals.reduce((sum, n) => sum + n, 0);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
