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

/**
 * Where the frame after an event ends: the end of the first frame task (the renderer's
 * BeginMainFrame: animation-frame callbacks, style, layout, paint, commit) that starts in
 * `[from, to)`, among `events` (one thread's, with Chromium's `toplevel` category); `to`
 * when there is none. The page marks `to` in the first task after that frame, a message
 * posted from the frame's first animation-frame callback; but messages on different
 * channels are not delivered in the order posted (each channel is a pipe of its own), so
 * a task the page posted for after the frame can run before that mark.
 */
export function frameEnd(events, from, to) {
  let frame = null;
  for (const e of events) {
    if (e.ph !== 'X' || e.ts < from || e.ts >= to || e.args?.src_func !== 'ScheduledActionSendBeginMainFrame') continue;
    if (!frame || e.ts < frame.ts) frame = e;
  }
  return frame ? Math.min(to, frame.ts + (frame.dur ?? 0)) : to;
}
