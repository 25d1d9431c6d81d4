import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: path.resolve(__dirname) });

/** The no-restricted-imports messages ESLint gives `code` as if it were the file at `filePath`. */
async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.ruleId === "no-restricted-imports").map((message) => message.message);
}

describe("the layering rules of eslint.config.mjs", () => {
  it("keep emulator/ from importing the app at every depth, by alias or relative path", async () => {
    const imports = [
      `import "../lib/env";`,
      `import "../../lib/env";`,
      `import "../../../lib/db/client";`,
      `import "@/lib/env";`,
      `import "../../app/page";`,
      `import "../components/inbox/x";`,
      `import "../../proxy";`,
      `export { env } from "../../lib/env";`,
    ];
    for (const line of imports) {
      const messages = await restrictedImports("emulator/routes/x.ts", line);
      expect(messages, line).toHaveLength(1);
      expect(messages[0], line).toContain("The emulator must not import the app's code.");
    }
    expect(await restrictedImports("emulator/x.ts", `import "../lib/env";`)).toHaveLength(1);
  });

  it("let emulator/ import its own modules and packages", async () => {
    const code = `import "../state"; import "./input"; import "../routes/types"; import "node:http"; import "lossless-json";`;
    expect(await restrictedImports("emulator/routes/x.ts", code)).toEqual([]);
  });

  it("keep lib/ from importing app/ or components/", async () => {
    for (const line of [`import "@/app/page";`, `import "@/components/inbox/x";`, `import "../../app/page";`, `import "../../components/x";`]) {
      const messages = await restrictedImports("lib/chats/x.ts", line);
      expect(messages, line).toHaveLength(1);
      expect(messages[0], line).toContain("lib/ must not import app/ or components/.");
    }
  });
});
