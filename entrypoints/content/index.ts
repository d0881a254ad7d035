/**
 * The content script that runs on every portal page, kept small: read the
 * page with Readability (on a clone) and recognise a party-news article. On
 * any other page it shows nothing and changes nothing. On an article it asks
 * the background to inject the article tools (`entrypoints/article-tools`),
 * which highlight and show the panel. Pages that fill the article in later
 * are read again when they change (see watch.ts).
 */
import { sendMessage } from "@/lib/messaging/protocol.ts";
import { readArticle } from "@/lib/recognition/readable.ts";
import { recognize } from "@/lib/recognition/recognize.ts";
import { type Boot, isOwnNode, setBoot } from "./boot.ts";
import { startRunTimer } from "./timing.ts";
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
    const boot: Boot = { ctx, pending: null, rerun: null };
    setBoot(boot);
    let lastText: string | null = null;
    let requested = false;

    const check = async () => {
      if (boot.rerun) return boot.rerun();
      if (requested) return;
      const timer = startRunTimer();
      const read = timer.phase("readability", () => readArticle(document, { mapToPage: true }));
      if (read.text === lastText) return;
      lastText = read.text;
      const { recognised } = timer.phase("recognize", () =>
        recognize({
          url: location.href,
          title: read.title,
          text: read.text,
          readable: read.readable,
          linkDensity: read.linkDensity,
        }),
      );
      if (!recognised) {
        timer.finish({ recognised: false, items: 0 });
        await sendMessage("reportPage", NOTHING_FOUND).catch(() => {});
        return;
      }
      boot.pending = { read, timer };
      requested = true;
      await sendMessage("attachArticleTools", undefined).catch(() => {
        requested = false;
      });
    };

    const watch = watchMutations(document, isOwnNode, check);
    ctx.onInvalidated(() => watch.dispose());
    await check();
  },
});
