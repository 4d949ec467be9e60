// Chromium tracing around a piece of work, for bench/run.mjs and bench/profile.mjs.

/**
 * Runs `work()` while Chromium traces `categories` through the CDP session `cdp`; returns
 * `{ result, events }`: what `work` returned and every trace event recorded meanwhile.
 */
export async function traceDuring(cdp, categories, work) {
  const events = [];
  const onData = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', onData);
  const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: categories },
  });
  let result;
  try {
    result = await work();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
  }
  return { result, events };
}
