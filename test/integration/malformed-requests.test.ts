// Malformed requests never get a server error (issue 15, item 10). The portal's Express app runs in
// this process over every route of app/routes; each route is called as a visitor, a firm owner and
// an administrator, with hostile query strings and path ids, and every form those pages render is
// posted back with wrong or missing content types, broken multipart, NUL and control characters in
// each field, unknown intents, non-numeric and huge numbers, and repeated fields; the JSON
// endpoints get broken and ill-typed JSON. Every answer must be below 500.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantRole } from "~/accounts/role-grant.server";
import { currentPeriod, startAssessment } from "~/assessment/assessment.server";
import { currentQuestionnaireVersion, syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import { createCase } from "~/cases/drafts.server";
import { takeCaseStep } from "~/cases/steps.server";
import { createInvitation } from "~/firms/invitation.server";
import { db } from "~/platform/db.server";
import { scenesOnDisk } from "~/scenes/content.server";
import { syncScenesFromContent } from "~/scenes/scene.server";
import { caseContent } from "~test/support/cases";
import { useIsolatedDatabase } from "~test/support/database";
import { makeFirmWithOwner, makeUser, uniqueEmail } from "~test/support/factories";
import { type InProcessServer, startInProcessServer } from "~test/support/in-process-app";
import { insertRelease } from "~test/support/releases";
import { sessionCookieFor } from "~test/support/requests";

useIsolatedDatabase();

type Role = "visitor" | "owner" | "admin";
const ROLES: Role[] = ["visitor", "owner", "admin"];

interface Form {
  role: Role;
  action: string;
  /** Field name → the value the page renders (the first of a repeated name). */
  fields: Array<[string, string]>;
}

interface Failure {
  role: Role;
  method: string;
  url: string;
  variant: string;
  status: number;
  error?: string;
}

let server: InProcessServer;
const cookies: Record<Role, string> = { visitor: "", owner: "", admin: "" };
const ids: Record<string, string> = {};
/** Ids for the patterns under a path prefix, over `ids`. */
const idsFor = new Map<string, Record<string, string>>();
const failures: Failure[] = [];
let requests = 0;

// Hostile values: NUL, C0 and DEL controls, bidi and line separators, huge and odd numbers.
const NUL = "a\u0000b";
const CONTROL = "\u0001\u0007\u001b[2J\u007f";
const HUGE = "9".repeat(40);
const SCALAR_VARIANTS: Record<string, string> = {
  nul: NUL,
  control: CONTROL,
  huge: HUGE,
  exponent: "1e309",
  negative: "-2147483649",
  word: "abc",
  unicode: "\u202e\u2028\ud800",
  long: "长".repeat(1500),
};
// A few more strings from fast-check's full-Unicode generator (fixed seed, so every run sends the same).
const GENERATED = fc.sample(fc.string({ unit: "binary", minLength: 1, maxLength: 12 }), { seed: 15, numRuns: 4 });

async function send(
  role: Role,
  method: string,
  url: string,
  variant: string,
  init: { body?: BodyInit; headers?: Record<string, string> } = {},
): Promise<{ status: number; text: string }> {
  requests++;
  const headers: Record<string, string> = { Origin: server.baseURL, ...init.headers };
  if (cookies[role]) headers.Cookie = cookies[role];
  let res: Response;
  const once = () => fetch(server.baseURL + url, { method, headers, body: init.body, redirect: "manual" });
  try {
    res = await once().catch(async (error: Error) => {
      // A kept-alive socket the server closed as the request went out (its idle timeout) is reset; a
      // browser sends the request again, and so does this test, once. A server that drops it twice fails.
      if (String(error.cause ?? error).includes("ECONNRESET")) return once();
      throw error;
    });
  } catch (error) {
    failures.push({ role, method, url, variant, status: 0, error: String((error as Error).cause ?? error) });
    return { status: 0, text: "" };
  }
  const text = await res.text();
  if (res.status >= 500) failures.push({ role, method, url, variant, status: res.status });
  return { status: res.status, text };
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]!) : undefined;
};

/** The POST forms of a page, one per named submit button (each intent its own form). */
function postForms(role: Role, pageUrl: string, html: string): Form[] {
  const forms: Form[] = [];
  for (const [, open, body] of html.matchAll(/(<form\b[^>]*>)([\s\S]*?)<\/form>/g)) {
    if ((attr(open!, "method") ?? "get").toLowerCase() !== "post") continue;
    const action = attr(open!, "action") || pageUrl;
    if (!action.startsWith("/")) continue;
    const fields: Array<[string, string]> = [];
    const seen = new Set<string>();
    const add = (name: string | undefined, value: string) => {
      if (name && !seen.has(name)) {
        seen.add(name);
        fields.push([name, value]);
      }
    };
    const buttons: Array<[string, string]> = [];
    for (const [tag] of body!.matchAll(/<(input|button)\b[^>]*>/g)) {
      const type = attr(tag, "type") ?? (tag.startsWith("<button") ? "submit" : "text");
      const name = attr(tag, "name");
      if (type === "submit") {
        if (name) buttons.push([name, attr(tag, "value") ?? ""]);
        continue;
      }
      if ((type === "checkbox" || type === "radio") && !/\schecked=""/.test(tag) && seen.has(name ?? "")) continue;
      add(name, attr(tag, "value") ?? (type === "checkbox" ? "on" : ""));
    }
    for (const [, open2, text] of body!.matchAll(/(<textarea\b[^>]*>)([\s\S]*?)<\/textarea>/g))
      add(attr(open2!, "name"), decode(text!));
    for (const [, open2, options] of body!.matchAll(/(<select\b[^>]*>)([\s\S]*?)<\/select>/g)) {
      const selected = /<option\b[^>]*\sselected=""[^>]*>/.exec(options!)?.[0] ?? /<option\b[^>]*>/.exec(options!)?.[0];
      add(attr(open2!, "name"), selected ? (attr(selected, "value") ?? "") : "");
    }
    const submits = buttons.length ? buttons : [undefined];
    for (const button of submits)
      forms.push({ role, action: decode(action), fields: button ? [...fields, button] : fields });
  }
  return forms;
}

/** Same-site links of a page. */
function links(html: string): string[] {
  return [...html.matchAll(/\shref="(\/[^"]*)"/g)].map((m) => decode(m[1]!)).filter((h) => !h.startsWith("//"));
}

const urlencoded = (fields: Array<[string, string]>) => ({
  body: new URLSearchParams(fields).toString(),
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
});

/** Wrong, missing and broken content types, for any action (a form's, or a JSON endpoint's). */
async function contentTypeVariants(role: Role, url: string, fields: Array<[string, string]>): Promise<void> {
  const plain = new URLSearchParams(fields).toString();
  const multipart = new FormData();
  for (const [k, v] of fields) multipart.append(k, v);
  const variants: Array<[string, { body?: BodyInit; headers?: Record<string, string> }]> = [
    ["json", { body: JSON.stringify(Object.fromEntries(fields)), headers: { "Content-Type": "application/json" } }],
    ["text", { body: plain, headers: { "Content-Type": "text/plain;charset=UTF-8" } }],
    ["no content type", { body: new TextEncoder().encode(plain) }],
    ["empty body", { headers: { "Content-Type": "application/x-www-form-urlencoded" } }],
    ["multipart", { body: multipart }],
    [
      "broken multipart",
      { body: "--zz\r\nContent-Disposition: form-data\r\n\r\nx", headers: { "Content-Type": "multipart/form-data" } },
    ],
    [
      "multipart, wrong boundary",
      { body: "--a\r\nno headers\r\n--a--", headers: { "Content-Type": "multipart/form-data; boundary=b" } },
    ],
    ["xml", { body: "<a/>", headers: { "Content-Type": "application/xml" } }],
    [
      "bad percent-encoding",
      { body: "%zz=%E0%A4%A&a=%", headers: { "Content-Type": "application/x-www-form-urlencoded" } },
    ],
  ];
  for (const [variant, init] of variants) await send(role, "POST", url, variant, init);
}

/** The form as rendered, then each field made hostile alone, then all at once, then repeated. */
async function fieldVariants(form: Form): Promise<void> {
  const { role, action, fields } = form;
  const post = (variant: string, f: Array<[string, string]>) => send(role, "POST", action, variant, urlencoded(f));
  await post("as rendered", fields);
  for (const [name] of fields) {
    await post(
      `NUL in ${name}`,
      fields.map(([k, v]) => [k, k === name ? v + NUL : v]),
    );
    await post(
      `control in ${name}`,
      fields.map(([k, v]) => [k, k === name ? CONTROL + v : v]),
    );
  }
  for (const [variant, value] of Object.entries(SCALAR_VARIANTS))
    await post(
      `every field ${variant}`,
      fields.map(([k]) => [k, value]),
    );
  for (const [i, value] of GENERATED.entries())
    await post(
      `every field generated #${i}`,
      fields.map(([k]) => [k, value]),
    );
  await post(
    "every field twice",
    fields.flatMap(([k, v]) => [[k, v] as [string, string], [k, `${v}x`]]),
  );
  await post("unknown intent", [...fields.filter(([k]) => k !== "intent"), ["intent", "no-such-intent"]]);
  await post("no fields", []);
}

/** Hostile query strings for a page: its own parameters (from its links and GET forms) and the common ones. */
const COMMON_QUERY = [
  "q",
  "page",
  "period",
  "release",
  "region",
  "industry",
  "size",
  "metric",
  "redirectTo",
  "revision",
];

async function queryVariants(role: Role, path: string, names: string[]): Promise<void> {
  const all = [...new Set([...COMMON_QUERY, ...names])];
  const get = (variant: string, params: Array<[string, string]>) =>
    send(role, "GET", `${path}?${new URLSearchParams(params).toString()}`, variant);
  for (const [variant, value] of Object.entries(SCALAR_VARIANTS)) {
    if (variant === "long") continue; // a URL that long is refused by the HTTP layer itself
    await get(
      `query ${variant}`,
      all.map((n) => [n, value]),
    );
  }
  for (const name of names) await get(`query NUL in ${name}`, [[name, NUL]]);
  await get(
    "query repeated",
    all.flatMap((n) => [[n, "1"] as [string, string], [n, "2"]]),
  );
  await send(role, "GET", `${path}?${all.map((n) => `${n}=%E0%A4%A`).join("&")}`, "query bad percent-encoding");
  await send(role, "GET", `${path}?_data=routes%2Fnope`, "unknown _data route");
}

/** Route patterns of the app, each with its parameters filled with real ids (or hostile ones). */
function fill(pattern: string, value: (param: string) => string): string {
  return pattern.replace(/:(\w+)/g, (_, p: string) => value(p)).replace(/\*$/, value("*"));
}

const BAD_IDS = ["nope", "%00", HUGE, "-1", "0", "1.5", "%E0%A4%A", "..%2F..%2Fetc"];

describe("malformed requests", () => {
  let patterns: Array<{ pattern: string; page: boolean; action: boolean; loader: boolean }> = [];

  beforeAll(async () => {
    await syncQuestionnaireVersions();
    await syncScenesFromContent();
    const { owner, firm } = await makeFirmWithOwner();
    const admin = await makeUser({ displayName: "Fuzz Admin" });
    await grantRole(null, admin.id, "admin", null);
    await grantRole(null, admin.id, "analyst", null);
    const version = (await currentQuestionnaireVersion())!;
    const assessment = await startAssessment(firm.id, owner.id, version, currentPeriod());
    const newCase = () => createCase({ firmId: firm.id, userId: owner.id, content: caseContent(), anonymised: true });
    const caseId = await newCase();
    const submittedId = await newCase();
    const submitted = { caseId: submittedId, actor: "firm", userId: owner.id, firmId: firm.id, origin: "" } as const;
    await takeCaseStep({ ...submitted, step: "submit", consent: true });
    const texts = { subject: "s", body: (link: string) => link };
    const { link } = await createInvitation({
      firmId: firm.id,
      email: uniqueEmail(),
      invitedBy: owner.id,
      origin: "",
      texts,
    });
    await insertRelease(db(), { number: 1 });
    const slug = [...scenesOnDisk().keys()][0]!;
    Object.assign(ids, { firmId: firm.id, assessmentId: assessment.id, caseId, number: "1", slug });
    // The review pages show a submitted case; the firm's own pages a draft it can still edit.
    idsFor.set("/review/", { caseId: submittedId });
    idsFor.set("/invitations/", { token: link.split("/").pop()! });
    cookies.owner = await sessionCookieFor(owner.id);
    cookies.admin = await sessionCookieFor(admin.id);
    server = await startInProcessServer();
    const routes = server.build.routes;
    const fullPath = (id: string): string => {
      const r = routes[id]!;
      const own = r.path ?? "";
      if (!r.parentId) return own;
      const parent = fullPath(r.parentId);
      return [parent, own].filter(Boolean).join("/");
    };
    patterns = Object.keys(routes)
      .filter((id) => id !== "root")
      .map((id) => ({
        pattern: `/${fullPath(id)}`,
        page: typeof routes[id]!.module.default === "function",
        action: typeof routes[id]!.module.action === "function",
        loader: typeof routes[id]!.module.loader === "function",
      }));
  }, 120_000);

  afterAll(() => server?.close());

  it("answers every malformed request below 500", { timeout: 240_000 }, async () => {
    const started = Date.now();
    // Real values for the parameters, from the ids above and from the links the pages render.
    const seenLinks = new Set<string>();
    for (const role of ROLES) {
      for (const home of ["/", "/statistics", "/scenes", "/cases", "/guide", "/insights", `/firms/${ids.firmId}`]) {
        const { text } = await send(role, "GET", home, "crawl");
        for (const l of links(text)) seenLinks.add(l);
      }
    }
    const paramValue = (pattern: string) => {
      const re = new RegExp(`^${pattern.replace(/:(\w+)/g, "([^/?]+)").replace(/\*$/, ".+")}(?:\\?|$)`);
      const hit = [...seenLinks].find((l) => re.test(l));
      const names = [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const fromLink = hit ? re.exec(hit)!.slice(1) : [];
      const own = { ...ids, ...[...idsFor].find(([prefix]) => pattern.startsWith(prefix))?.[1] };
      return (p: string) => {
        if (p === "*") return "no-such-page";
        if (own[p]) return own[p]!;
        return fromLink[names.indexOf(p)] ?? "x";
      };
    };

    const forms: Form[] = [];
    for (const { pattern, page, action, loader } of patterns) {
      const url = fill(pattern, paramValue(pattern));
      const queryNames = new Set<string>();
      for (const role of ROLES) {
        let refused = false;
        if (loader || page) {
          const { status, text } = await send(role, "GET", url, "as linked");
          // A page that sends this role away (sign in first, forbidden) does so before reading the query.
          refused = (status >= 300 && status < 400) || status === 401 || status === 403;
          if (page) {
            forms.push(...postForms(role, url, text));
            for (const l of links(text)) {
              const u = new URL(l, "http://x");
              if (u.pathname === url) for (const n of u.searchParams.keys()) queryNames.add(n);
            }
            for (const [, open, body] of text.matchAll(/(<form\b[^>]*>)([\s\S]*?)<\/form>/g)) {
              if ((attr(open!, "method") ?? "get").toLowerCase() !== "get") continue;
              for (const [inner] of body!.matchAll(/<(?:input|select)\b[^>]*>/g)) {
                const n = attr(inner, "name");
                if (n) queryNames.add(n);
              }
            }
          }
          if (!refused) await queryVariants(role, url, [...queryNames]);
        }
        if (action) await contentTypeVariants(role, url, [["intent", "x"]]);
        // Each parameter in turn made hostile, the others real.
        for (const [, name] of pattern.matchAll(/:(\w+)/g)) {
          for (const bad of refused ? BAD_IDS.slice(0, 2) : BAD_IDS) {
            const real = paramValue(pattern);
            const badUrl = fill(pattern, (p) => (p === name ? bad : real(p)));
            if (loader || page) await send(role, "GET", badUrl, `bad :${name}`);
            if (action) await send(role, "POST", badUrl, `bad :${name}`, urlencoded([["intent", "x"]]));
          }
        }
      }
    }

    // Every form the pages rendered, posted back broken (each distinct form once per role).
    const distinct = new Map<string, Form>();
    for (const f of forms)
      distinct.set(`${f.role} ${f.action} ${f.fields.map(([k, v]) => (k === "intent" ? v : k)).join(",")}`, f);
    for (const form of distinct.values()) {
      await contentTypeVariants(form.role, form.action, form.fields);
      await fieldVariants(form);
    }

    // The JSON endpoints: broken, ill-typed and NUL-laden JSON.
    const base = `/firms/${ids.firmId}/assessments/${ids.assessmentId}`;
    const jsonBodies: Record<string, string> = {
      "invalid JSON": "{",
      "JSON array": "[]",
      "JSON null": "null",
      "JSON string": '"x"',
      "NUL in keys and values": JSON.stringify({ version: 1, page: 0, changes: { ["q\u0000"]: "a\u0000" }, base: {} }),
      "huge numbers": JSON.stringify({ version: 1e308, page: HUGE, changes: {}, base: {} }),
      "numbers as strings": JSON.stringify({ version: "1", page: "0", changes: {}, base: {} }),
      "arrays for scalars": JSON.stringify({ version: [1], page: [0], changes: [], base: [] }),
      "deep nesting": "[".repeat(5000) + "]".repeat(5000),
      "NUL answers": JSON.stringify({ version: 1, page: 0, changes: { q1: "\u0000", q2: ["\u0000"] }, base: {} }),
    };
    for (const endpoint of ["answers", "submit"]) {
      for (const role of ROLES) {
        for (const [variant, body] of Object.entries(jsonBodies))
          await send(role, "POST", `${base}/${endpoint}`, variant, {
            body,
            headers: { "Content-Type": "application/json" },
          });
        await contentTypeVariants(role, `${base}/${endpoint}`, [["version", "1"]]);
      }
    }

    const seconds = (Date.now() - started) / 1000;
    console.info(`${requests} requests, ${distinct.size} forms, ${patterns.length} routes in ${seconds.toFixed(1)} s`);
    expect(distinct.size).toBeGreaterThan(20);
    const summary = new Map<string, number>();
    for (const f of failures) {
      const key = `${f.status} ${f.method} ${f.url.split("?")[0]!.replace(/[0-9a-f-]{36}/g, ":id")} [${f.variant}]`;
      summary.set(key, (summary.get(key) ?? 0) + 1);
    }
    if (summary.size) console.info([...summary].map(([k, n]) => `${n}× ${k}`).join("\n"));
    expect(failures).toEqual([]);
  });
});
