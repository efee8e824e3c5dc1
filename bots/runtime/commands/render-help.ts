/**
 * Generated help. `!help` lists what the asker may run, grouped by the first word of
 * multi-word names; `!help <command>` shows usage, description, arguments, flags, examples
 * and who may run it; a group name (`!help convene`) lists its subcommands.
 */
import { type Asker, describePermission, mayRun } from "./check-permission.ts";
import type { CommandCatalogue } from "./command-registry.ts";
import type { CommandInfo } from "./define-command.ts";
import { nearestNames } from "./nearest-names.ts";
import { type Reply, bold, code, join, lines, list, reply } from "./reply.ts";
import { exampleLine, usageLine } from "./usage-line.ts";

const GENERAL = "general";

function groupName(command: CommandInfo): string {
  const space = command.name.indexOf(" ");
  return space === -1 ? GENERAL : command.name.slice(0, space);
}

function summaryLine(command: CommandInfo, prefix: string): Reply {
  return reply`${code(`${prefix}${command.name}`)}: ${command.summary}`;
}

/** The list of commands `asker` may run. */
export function renderHelpIndex(catalogue: CommandCatalogue, asker: Asker): Reply {
  const { prefix } = catalogue;
  const allowed = catalogue.commands.filter((c) => mayRun(c.permission, asker));
  const groups = new Map<string, CommandInfo[]>();
  for (const command of allowed) {
    const name = groupName(command);
    groups.set(name, [...(groups.get(name) ?? []), command]);
  }
  // General commands first, then groups in declaration order.
  const ordered = [...groups.entries()].sort((a, b) => Number(b[0] === GENERAL) - Number(a[0] === GENERAL));
  const sections = ordered.map(([name, commands]) =>
    lines(bold(name), list(commands.map((c) => summaryLine(c, prefix)))),
  );
  const hidden = catalogue.commands.length - allowed.length;
  const footer =
    hidden === 0
      ? reply`Type ${code(`${prefix}help <command>`)} for details.`
      : reply`Type ${code(`${prefix}help <command>`)} for details. ${hidden} more ${hidden === 1 ? "command needs" : "commands need"} a role or power level you do not have here.`;
  return lines(reply`Commands you can run:`, ...sections, footer);
}

/** Full help for one command; says so when `asker` may not run it. */
export function renderCommandHelp(command: CommandInfo, prefix: string, asker?: Asker): Reply {
  const parts: Reply[] = [reply`${code(usageLine(command, prefix))}`, reply`${command.summary}`];
  if (command.description !== undefined) parts.push(reply`${command.description}`);
  if (command.params.length > 0) {
    parts.push(
      bold("Arguments"),
      list(
        command.params.map((p) => {
          const optional = p.optional ? " (optional)" : "";
          const description = p.description === undefined ? "" : ` — ${p.description}`;
          return reply`${code(p.value.placeholder(p.name))}${optional}: ${p.value.expected}${description}`;
        }),
      ),
    );
  }
  if (command.flags.length > 0) {
    parts.push(
      bold("Flags"),
      list(
        command.flags.map((f) => {
          const written = f.kind === "switch" ? `--${f.name}` : `--${f.name} ${f.value.placeholder(f.name)}`;
          const accepts = f.kind === "switch" ? "" : ` (${f.value.expected})`;
          return reply`${code(written)}: ${f.summary}${accepts}`;
        }),
      ),
    );
  }
  parts.push(bold("Examples"), list(command.examples.map((e) => code(exampleLine(e, prefix)))));
  const who = describePermission(command.permission);
  parts.push(reply`Who may run it: ${who === "anyone" ? "anyone" : `people with ${who}`}.`);
  if (asker !== undefined && !mayRun(command.permission, asker)) parts.push(reply`You cannot run it here.`);
  return lines(...parts);
}

/** The subcommands of a group that `asker` may run. */
export function renderGroupHelp(catalogue: CommandCatalogue, group: string, asker: Asker): Reply {
  const { prefix } = catalogue;
  const allowed = catalogue.group(group).filter((c) => mayRun(c.permission, asker));
  if (allowed.length === 0) return reply`You cannot run any ${code(`${prefix}${group}`)} command here.`;
  return lines(
    reply`${code(`${prefix}${group}`)} commands you can run:`,
    list(allowed.map((c) => summaryLine(c, prefix))),
    reply`Type ${code(`${prefix}help <command>`)} for details.`,
  );
}

/**
 * Answers `!help [topic]`: the index, a command's help, a group's list, or for an unknown
 * topic the nearest names.
 */
export function renderHelp(catalogue: CommandCatalogue, asker: Asker, topic?: string): Reply {
  const { prefix } = catalogue;
  const trimmed = (topic ?? "").trim();
  // People often type the prefix in the topic too: `!help !convene`.
  const bare = trimmed.startsWith(prefix) ? trimmed.slice(prefix.length) : trimmed;
  const words = bare.toLowerCase().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return renderHelpIndex(catalogue, asker);
  const name = words.join(" ");
  const command = catalogue.get(name);
  if (command !== undefined) return renderCommandHelp(command, prefix, asker);
  if (words.length === 1 && catalogue.group(name).length > 0) return renderGroupHelp(catalogue, name, asker);
  const typedFor = (candidate: string) => words.slice(0, candidate.split(" ").length).join(" ");
  const suggestions = nearestNames(
    typedFor,
    catalogue.commands.map((c) => c.name),
  );
  const shown = name.length > 64 ? `${Array.from(name).slice(0, 64).join("")}…` : name;
  if (suggestions.length === 0)
    return reply`There is no command ${code(`${prefix}${shown}`)}. Type ${code(`${prefix}help`)} for the list.`;
  return reply`There is no command ${code(`${prefix}${shown}`)}. Did you mean ${join(
    suggestions.map((s) => code(`${prefix}help ${s}`)),
    " or ",
  )}?`;
}
