/**
 * The content script that runs on every portal page, kept small: measure the
 * page, read it with Readability (on a clone, in slices) and recognise a
 * party-news article; a page past the size limits is not read (see
 * read-page.ts). On any other page it shows nothing and changes nothing. On
 * an article it asks the background to inject the article tools
 * (`entrypoints/article-tools`), which highlight and show the panel (or, on a
 * page too big to read, a note saying so). Pages that fill the article in later
 * are read again when they change (see watch.ts).
 */

import { type Boot, isOwnNode, setBoot } from "@/lib/in-page/boot.ts";
import { type RunTimer, startRunTimer, yieldToPage } from "@/lib/in-page/main-thread.ts";
import { readingKey, readPage } from "@/lib/in-page/page-reading.ts";
import { recognizePage } from "@/lib/in-page/recognize-page.ts";
import { sendMessage } from "@/lib/messaging/protocol.ts";
import { watchMutations } from "./watch.ts";

const NOTHING_FOUND = {
  recognised: false,
  counts: { target: 0, result: 0, deadline: 0 },
  orphans: [],
};

export default defineContentScript({
  matches: ["http://*.gov.vn/*", "https://*.gov.vn/*"],
  runAt: "document_idle",
  cssInjectionMode: "manual",
  async main(ctx) {
    // The first run's clock starts now, its work a turn later: compiling and starting this script
    // is a task of its own.
    const firstTimer = startRunTimer();
    await yieldToPage();
    if (!ctx.isValid) return;
    const boot: Boot = { ctx, pending: null, rerun: null };
    setBoot(boot);
    let lastKey: string | null = null;
    let requested = false;

    const check = async (timer: RunTimer = startRunTimer()) => {
      if (boot.rerun) return boot.rerun();
      if (requested) return;
      const reading = await readPage(document, timer);
      const key = readingKey(reading);
      if (key === lastKey) return;
      lastKey = key;
      await yieldToPage();
      const recognition = await recognizePage(reading, location.href);
      // No answer: the extension is being updated or removed, the page is left alone.
      if (!recognition) return;
      if (!recognition.recognised) {
        timer.finish({ recognised: false, items: 0 });
        await sendMessage("reportPage", NOTHING_FOUND).catch(() => {});
        return;
      }
      boot.pending = { reading, recognition, timer };
      requested = true;
      await sendMessage("attachArticleTools", undefined).catch(() => {
        requested = false;
      });
    };

    // One reading at a time: a mutation during a reading waits for it.
    let queue = Promise.resolve();
    const checkInTurn = (timer?: RunTimer) => {
      const run = () => check(timer);
      queue = queue.then(run, run);
      return queue;
    };
    const watch = watchMutations(document, isOwnNode, () => checkInTurn());
    ctx.onInvalidated(() => watch.dispose());
    await checkInTurn(firstTimer);
  },
});
