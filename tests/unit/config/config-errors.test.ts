/** Each kind of mistake an organiser can make gives an issue with the key path, line and a clear message. */
import { describe, expect, it } from "vitest";
import { formatConfigIssues, parseConfigText } from "../../../config/index.ts";
import {
  EXAMPLE_TEXT,
  FILE_NAME,
  editedExample,
  issueAt,
  issuesOf,
  lineContaining,
} from "./example-config.ts";

describe("config errors", () => {
  it("reports a missing required key with its path", () => {
    const issue = issueAt(
      issuesOf(editedExample((doc) => doc.deleteIn(["regions", 1, "name"]))),
      "regions[1].name",
    );
    expect(issue.message).toBe('missing required key "name" (expected a string)');
    expect(issue.line).toBe(lineContaining(EXAMPLE_TEXT, "- id: mena"));
  });

  it("reports an unknown key at the key itself, with its line", () => {
    const text = EXAMPLE_TEXT.replace(
      "    languages: [ar, fr, en]\n",
      "    languages: [ar, fr, en]\n    timezone: Asia/Amman\n",
    );
    const issue = issueAt(issuesOf(text), "regions[1].timezone");
    expect(issue.message).toBe('unknown key "timezone"');
    expect(issue.line).toBe(lineContaining(text, "timezone: Asia/Amman"));
  });

  it("reports a wrong type with what was found", () => {
    const issues = issuesOf(
      editedExample((doc) => {
        doc.setIn(["hub", "port"], "eighty");
      }),
    );
    expect(issueAt(issues, "hub.port").message).toBe('expected a number, found the string "eighty"');
  });

  it("rejects a time zone that is not IANA", () => {
    const text = EXAMPLE_TEXT.replace("[Asia/Amman, Africa/Tunis", "[Asia/Amman, Mars/Olympus");
    const issue = issueAt(issuesOf(text), "regions[1].timeZones[1]");
    expect(issue.message).toBe('"Mars/Olympus" is not an IANA time zone (e.g. "Africa/Nairobi")');
    expect(formatConfigIssues([issue])).toBe(
      `network.yaml:${lineContaining(text, "Mars/Olympus")} regions[1].timeZones[1]: "Mars/Olympus" is not an IANA time zone (e.g. "Africa/Nairobi")`,
    );
  });

  it("rejects a role naming an unknown person", () => {
    const text = EXAMPLE_TEXT.replace(
      "steering: [amina-yusuf, layla-haddad, claire-dubois]",
      "steering: [amina-yusuf, layla-hadad, claire-dubois]",
    );
    const issue = issueAt(issuesOf(text), "roles.steering[1]");
    expect(issue.message).toBe('unknown person "layla-hadad" (not defined in people)');
    expect(issue.line).toBe(lineContaining(text, "layla-hadad"));
  });

  it("rejects an expert naming an unknown topic", () => {
    const text = EXAMPLE_TEXT.replace(
      "topics: [faith-leaders], languages: [ar, en]",
      "topics: [faith], languages: [ar, en]",
    );
    expect(issueAt(issuesOf(text), "roles.experts[7].topics[0]").message).toBe(
      'unknown topic "faith" (not defined in routing.topics)',
    );
  });

  it("rejects a room naming an unknown region", () => {
    const issues = issuesOf(
      editedExample((doc) => {
        doc.setIn(["rooms", 1, "region"], "west-africa");
      }),
    );
    expect(issueAt(issues, "rooms[1].region").message).toBe(
      'unknown region "west-africa" (not defined in regions)',
    );
  });

  it("rejects a room hosted outside its allowed regions", () => {
    const issues = issuesOf(
      editedExample((doc) => {
        doc.setIn(["rooms", 7, "homeRegion"], "east-africa");
      }),
    );
    expect(issueAt(issues, "rooms[7].homeRegion").message).toMatch(
      /not among the room's regions \(mena, europe\)/,
    );
  });

  it("rejects a routing rule naming an unknown pool", () => {
    const issues = issuesOf(
      editedExample((doc) => {
        doc.setIn(["routing", "rules", 2, "pool"], "no-such-pool");
      }),
    );
    expect(issueAt(issues, "routing.rules[2].pool").message).toBe(
      'unknown pool "no-such-pool" (not defined in routing.pools)',
    );
  });

  it("rejects a pool member who is not an expert", () => {
    const issues = issuesOf(
      editedExample((doc) => {
        doc.setIn(["routing", "pools", 0, "experts", 1], "layla-haddad");
      }),
    );
    expect(issueAt(issues, "routing.pools[0].experts[1]").message).toBe(
      '"layla-haddad" is not listed in roles.experts',
    );
  });

  it("rejects duplicate ids", () => {
    const issues = issuesOf(
      editedExample((doc) => {
        doc.setIn(["people", 1, "id"], "amina-yusuf");
      }),
    );
    expect(issueAt(issues, "people[1].id").message).toBe(
      'duplicate person id "amina-yusuf" (already used by people[0])',
    );
  });

  it("rejects a room kind it does not know, naming the allowed kinds", () => {
    const issues = issuesOf(
      editedExample((doc) => {
        doc.setIn(["rooms", 0, "kind"], "regionale");
      }),
    );
    expect(issueAt(issues, "rooms[0].kind").message).toBe(
      'expected one of "regional", "network", "cross-regional", "steering", "public-digest", found the string "regionale"',
    );
  });

  it("rejects a second steering room and a quorum larger than the steering group", () => {
    const issues = issuesOf(
      editedExample((doc) => {
        doc.setIn(["rooms", 8, "kind"], "steering");
        doc.setIn(["digest", "approvalQuorum"], 4);
      }),
    );
    expect(issueAt(issues, "rooms[9].kind").message).toBe(
      'expected exactly one room of kind "steering", found 2',
    );
    expect(issueAt(issues, "digest.approvalQuorum").message).toBe(
      "approval quorum 4 exceeds the 3 steering member(s) in roles.steering",
    );
  });

  it("rejects a secret written as a literal string, without repeating it", () => {
    const text = EXAMPLE_TEXT.replace("password: { file: route-bot.password }", "password: hunter2-route");
    const issues = issuesOf(text);
    const issue = issueAt(issues, "bots.route.password");
    expect(issue.message).toMatch(
      /must not be written in the config file: write \{ file: "name" \}.*\{ env: "VAR_NAME" \}/,
    );
    expect(issue.line).toBe(lineContaining(text, "hunter2-route"));
    expect(formatConfigIssues(issues)).not.toContain("hunter2");
  });

  it("rejects a secret reference with both file and env, or a bad variable name", () => {
    const both = EXAMPLE_TEXT.replace("{ file: digest-bot.store-key }", "{ file: a, env: B }");
    expect(issueAt(issuesOf(both), "bots.digest.storeKey").message).toMatch(
      /exactly one of "file" or "env", found both/,
    );
    const badEnv = EXAMPLE_TEXT.replace("{ file: digest-bot.store-key }", '{ env: "1-BAD" }');
    expect(issueAt(issuesOf(badEnv), "bots.digest.storeKey.env").message).toBe(
      '"1-BAD" is not an environment variable name',
    );
  });

  it("reports a YAML syntax error with its line", () => {
    const text = EXAMPLE_TEXT.replace("  port: 8080\n", "  port: [8080\n");
    const [issue] = issuesOf(text);
    expect(issue?.path).toBe("(document)");
    expect(issue?.message).toMatch(/^YAML syntax error: /);
    expect(issue?.line).toBeGreaterThanOrEqual(lineContaining(text, "port: [8080"));
  });

  it("reports duplicate keys", () => {
    const text = EXAMPLE_TEXT.replace("  port: 8080\n", "  port: 8080\n  port: 8081\n");
    const [issue] = issuesOf(text);
    expect(issue?.message).toMatch(/unique/);
    expect(issue?.line).toBe(lineContaining(text, "port: 8081"));
  });

  it("rejects a bad duration", () => {
    const text = EXAMPLE_TEXT.replace("high: { acceptWithin: 1h,", "high: { acceptWithin: 1 hour,");
    expect(issueAt(issuesOf(text), "routing.sla.high.acceptWithin").message).toBe(
      'expected a duration like "30m", "4h", "2d" or "1h30m" (units s, m, h, d, w), found "1 hour"',
    );
  });

  it("rejects an encrypted public room and an unencrypted private one", () => {
    const issues = issuesOf(
      editedExample((doc) => {
        doc.setIn(["rooms", 10, "encrypted"], true);
        doc.setIn(["rooms", 0, "encrypted"], false);
      }),
    );
    expect(issueAt(issues, "rooms[10].encrypted").message).toBe(
      "the public-digest room is world-readable and must not be encrypted: expected false, found true",
    );
    expect(issueAt(issues, "rooms[0].encrypted").message).toBe(
      "a regional room must be end-to-end encrypted: expected true, found false",
    );
  });

  it("rejects two regions on one host, since ACLs ignore ports", () => {
    const text = EXAMPLE_TEXT.replace("serverName: 127.0.0.12:18448", "serverName: 127.0.0.11:28448");
    expect(issueAt(issuesOf(text), "regions[1].homeserver.serverName").message).toMatch(
      /already used by region "east-africa" with another port/,
    );
  });

  it("lets regions share one homeserver, but only with one client URL", () => {
    const shared = EXAMPLE_TEXT.replace("serverName: 127.0.0.12:18448", "serverName: 127.0.0.11:18448");
    const loaded = parseConfigText(
      shared.replace("clientUrl: http://127.0.0.12:18008", "clientUrl: http://127.0.0.11:18008"),
      "shared.yaml",
    );
    expect(loaded.ok).toBe(true);
    expect(issueAt(issuesOf(shared), "regions[1].homeserver.clientUrl").message).toMatch(
      /must give the same clientUrl/,
    );
  });

  it("handles an empty file, a non-mapping root and an unreadable file without throwing", async () => {
    expect(issuesOf("")[0]?.message).toMatch(/^the file is empty/);
    expect(issuesOf("# only a comment\n")[0]?.message).toMatch(/^the file is empty/);
    expect(issuesOf("- a\n- b\n")[0]).toMatchObject({
      path: "(document)",
      message: "expected a mapping at the top of the file, found a list",
    });
    const { loadConfigFile } = await import("../../../config/index.ts");
    const missing = await loadConfigFile("/nonexistent/network.yaml");
    expect(missing.ok ? [] : missing.error).toEqual([
      { file: "/nonexistent/network.yaml", path: "(document)", message: "the file does not exist" },
    ]);
  });

  it("refuses alias bombs", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
    ].join("\n");
    expect(() => parseConfigText(bomb, FILE_NAME)).not.toThrow();
    expect(issuesOf(bomb).length).toBeGreaterThan(0);
  });

  it("caps the printed issues", () => {
    const issues = Array.from({ length: 60 }, (_, index) => ({
      file: "n.yaml",
      path: `people[${index}]`,
      message: "bad",
    }));
    const printed = formatConfigIssues(issues).split("\n");
    expect(printed).toHaveLength(51);
    expect(printed.at(-1)).toBe("… and 10 more");
    expect(printed[0]).toBe("n.yaml people[0]: bad");
  });
});
