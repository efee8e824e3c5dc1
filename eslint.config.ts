// Typed lint: rules that need type information catch floating promises and unsafe `any`
// flowing out of parsed input, the two bug classes that hurt a long-running bot most.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  {
    ignores: [
      "node_modules/",
      ".devnet/",
      "dist/",
      "coverage/",
      "test-artifacts/",
      "bench/results/",
      "**/*.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "no-console": "error",
      "@typescript-eslint/restrict-template-expressions": [
        "error",
        { allowNumber: true, allowBoolean: true },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
    },
  },
  {
    // CLIs, scripts, benchmarks and tests talk to a person on the terminal.
    files: ["bin/**", "scripts/**", "bench/**", "tests/**", "devnet/cli/**"],
    rules: { "no-console": "off" },
  },
  {
    files: ["tests/**"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
);
