/**
 * The network directory: who convenes here and how to join. It shows only what the network
 * config already makes public (regions, their languages and homeservers, networks); never
 * people.
 */
import { languageName } from "../../../lib/intl-format.ts";
import type { DigestSiteNetwork } from "../digest-site-network.ts";
import { html } from "../html-template.ts";
import type { PageContext } from "../page-context.ts";
import { renderLayout } from "./render-layout.ts";

/** `/directory`. */
export function renderDirectoryPage(context: PageContext, network: DigestSiteNetwork): string {
  const { format, labels } = context;
  const { text, locale } = format;
  const languages = (tags: readonly string[]) => tags.map((tag) => languageName(locale, tag)).join(", ");
  const main = html`<h1>${text.directoryHeading}</h1>
    <section>
      <h2>${text.directoryRegions}</h2>
      <dl class="directory">
        ${network.regions.map(
          (region) =>
            html`<dt><bdi>${region.name}</bdi></dt>
              <dd>${text.languages}: ${languages(region.languages)}</dd>
              <dd>${text.homeserver}: <code dir="ltr">${region.homeserver.serverName}</code></dd>`,
        )}
      </dl>
    </section>
    <section>
      <h2>${text.directoryNetworks}</h2>
      <dl class="directory">
        ${network.networks.map(
          (group) =>
            html`<dt><bdi>${group.name}</bdi></dt>
              ${group.description === undefined ? "" : html`<dd><bdi>${group.description}</bdi></dd>`}
              <dd>${text.regions}: ${group.regions.map((id) => labels.region(id)).join(", ")}</dd>`,
        )}
      </dl>
    </section>
    <section>
      <h2>${text.joinHeading}</h2>
      ${text.joinText.map((paragraph) => html`<p>${paragraph}</p>`)}
    </section>`;
  return renderLayout(context, { title: text.directoryHeading, section: "directory", live: false, main });
}
