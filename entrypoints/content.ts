export default defineContentScript({
  matches: ["http://*.gov.vn/*", "https://*.gov.vn/*"],
  runAt: "document_idle",
  main() {
    document.documentElement.dataset.gvnLoaded = "1";
  },
});
