import { render } from "preact";
import { OptionsPage } from "@/components/OptionsPage.tsx";
import { loadLanguage } from "@/lib/settings.ts";

const root = document.getElementById("app");
if (root) {
  loadLanguage().then(() => render(<OptionsPage />, root));
}
