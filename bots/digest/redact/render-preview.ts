/**
 * The item as text, one message per paragraph after its author's label. The preview is the
 * published text with every replacement (pseudonymous author labels included) between ⟦ and ⟧,
 * so what the steering group approves is exactly what will be published.
 */
import type { RedactedItem, RedactedMessage } from "./quoted-item.ts";

export const MARK_OPEN = "⟦";
export const MARK_CLOSE = "⟧";

function render(item: RedactedItem, marked: boolean): string {
  const mark = (text: string) => (marked ? `${MARK_OPEN}${text}${MARK_CLOSE}` : text);
  const paragraph = (message: RedactedMessage) => {
    const spans = item.replacements.filter(({ messageId }) => messageId === message.messageId);
    let text = "";
    let from = 0;
    for (const { start, end } of spans) {
      text += message.text.slice(from, start) + mark(message.text.slice(start, end));
      from = end;
    }
    text += message.text.slice(from);
    const author = message.authorPseudonymous ? mark(message.authorLabel) : message.authorLabel;
    return `${author}: ${text}`;
  };
  return item.messages.map(paragraph).join("\n\n");
}

/** The text to show before approval: the published text with every replacement marked. */
export function renderPreview(item: RedactedItem): string {
  return render(item, true);
}

/** The text that will be published: the preview without its marks. */
export function renderPublished(item: RedactedItem): string {
  return render(item, false);
}
