// The yardstick for a .zip as X delivers it: inflate its tweet files (data/tweets.js, tweet.js,
// or the monthly data/js/tweets/*.js of older archives) and JSON.parse each whole, as a naive
// tool would, and nothing else. Prints {"ms", "items"} as JSON.
//
//   node scripts/bench/zip-parse-baseline.js ARCHIVE.zip
import yauzl from 'yauzl';

const started = performance.now();
const zip = await new Promise((resolve, reject) =>
  yauzl.open(process.argv[2], { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z))),
);
const TWEET_FILE = /(^|\/)data\/(tweets?(-part\d+)?\.js|js\/tweets\/\d{4}_\d{2}\.js)$/;
let items = 0;
await new Promise((resolve, reject) => {
  zip.on('entry', (entry) => {
    if (!TWEET_FILE.test(entry.fileName)) return zip.readEntry();
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        items += JSON.parse(text.slice(text.indexOf('[')).replace(/;\s*$/, '')).length;
        zip.readEntry();
      });
      stream.on('error', reject);
    });
  });
  zip.on('end', resolve);
  zip.on('error', reject);
  zip.readEntry();
});
zip.close();
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, items })}\n`);
