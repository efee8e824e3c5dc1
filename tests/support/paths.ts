import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
export const EXAMPLE_CONFIG_PATH = join(REPO_ROOT, "config", "network.example.yaml");
