/** `meridian config check FILE [--secrets-dir DIR]`: validate a network config file. */
import { checkConfig } from "../../config/index.ts";
import { parseCommonOptions } from "./cli-options.ts";

export async function runConfigCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "check") {
    process.stderr.write("usage: meridian config check FILE [--secrets-dir DIR]\n");
    return 2;
  }
  const file = rest.find((arg) => !arg.startsWith("--"));
  if (file === undefined) {
    process.stderr.write("usage: meridian config check FILE [--secrets-dir DIR]\n");
    return 2;
  }
  // The file to check is the config: its secrets directory defaults to one beside it.
  const options = parseCommonOptions(["--config", file, ...rest.filter((arg) => arg !== file)]);
  const { exitCode, report } = await checkConfig(options.configPath, { secretsDir: options.secretsDir });
  (exitCode === 0 ? process.stdout : process.stderr).write(`${report}\n`);
  return exitCode;
}
