/**
 * Copies text for the reader. The Clipboard API needs a secure context, which
 * many portals (plain http) are not; the fallback selects the text in a
 * textarea inside our own shadow root and uses the copy command.
 */
export async function copyText(text: string, shadow: ShadowRoot): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Fall through to the copy command (the page may not have focus).
    }
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  shadow.appendChild(area);
  const focused = shadow.activeElement ?? document.activeElement;
  area.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  area.remove();
  if (focused instanceof HTMLElement) focused.focus();
  return copied;
}
