#!/usr/bin/env node
// Builds the O*NET import fixtures in tests/fixtures/onet/ from the O*NET 29.3 Excel files
// (CC BY 4.0; see tests/fixtures/onet/SOURCES.md). CI does not run this: it uses the committed files.
//
//   node scripts/make-onet-fixtures.mjs PATH/TO/ONET-29.3-EXCEL-DIRECTORY
//
// Public-service occupations become positions, the O*NET intermediate work activity (IWA) of each
// task a role (shared across positions), the task statements activities. Each task requires the
// occupation's three most important O*NET skills, at O*NET's level (0–7) put on 1–5, with O*NET's
// skill category as the Theme. Some tasks also require Karmayogi Competency Model entries, written
// the ways HR cells write them: a theme named with itself, a sub-theme with or without its theme,
// a KCM code in the Competency or Competency id column, a wrong theme, lower case.
//
// Two CSVs and one workbook are written:
// - onet-public-service.csv / .xlsx: O*NET skills that are also KCM entries ("Active Listening",
//   "Service Orientation") carry the KCM's type, as a user who knows the dictionary writes them;
// - onet-public-service-domain-types.csv: the same rows, but every O*NET skill typed Domain, as a
//   plain O*NET export would say; the dictionary contradicts two of them (the import page's type fix).
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";

const source = process.argv[2];
if (!source || !fs.existsSync(path.join(source, "Skills.xlsx"))) {
  console.error("usage: node scripts/make-onet-fixtures.mjs ONET_EXCEL_DIRECTORY (holding Skills.xlsx, Task Statements.xlsx, …)");
  process.exit(2);
}
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const out = path.join(root, "tests/fixtures/onet");

// O*NET-SOC code → the KCM requirements its first tasks add: [Competency, Competency type, Theme, Competency id].
const OCCUPATIONS = {
  "13-2081.00": [["Financial Management", "Functional", "Financial Management"], ["FUN-069", "", ""]],
  "13-2011.00": [["Budget Formulation & Implementation", "Functional", "Financial Management"], ["Financial Management", "Functional", ""]],
  "13-1041.00": [["Vigilance Administration", "Functional", "Vigilance Administration"], ["Preventive Vigilance", "", ""]],
  "13-1111.00": [["Data Analytics", "Functional", "Data Analytics"], ["Research & Need Analysis", "Functional", "Policy Architecture"], ["Data Analytics", "Functional", "Data Analytics", "FUN-078"]],
  "13-1071.00": [["Establishment & HR", "Functional", "Establishment & HR"], ["Handling APAR matters", "Functional", "Establishment & HR"]],
  "43-4031.00": [["Office Management", "Functional", "Office Management"], ["File/DAK Management", "Functional", ""], ["RTI Responsiveness", "Functional", "Office Management"]],
  "19-3011.00": [["Policy Architecture", "Functional", "Policy Architecture"], ["Research & Need Analysis", "Functional", "Government Program Formulation"]],
  "19-3051.00": [["Citizen Centricity", "Functional", "Citizen Centricity"], ["Self-Awareness", "Behavioural", "Self-Awareness"], ["Self-Analysis", "Behavioural", "Personal Effectiveness"], ["decision making", "behavioural", ""]],
};
const TASKS_PER_OCCUPATION = 6;
const SKILLS_PER_TASK = 3;

/** The first worksheet's data rows as objects keyed by the header row. */
async function sheet(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(source, file));
  const ws = wb.worksheets[0];
  const headers = ws.getRow(1).values;
  const rows = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const record = {};
    row.values.forEach((value, i) => (record[headers[i]] = value));
    rows.push(record);
  });
  return rows;
}

const CATEGORIES = [
  ["2.A.1", "Basic Skills (Content)"],
  ["2.A.2", "Basic Skills (Process)"],
  ["2.B.1", "Social Skills"],
  ["2.B.2", "Complex Problem Solving Skills"],
  ["2.B.3", "Technical Skills"],
  ["2.B.4", "Systems Skills"],
  ["2.B.5", "Resource Management Skills"],
];
const category = (elementId) => CATEGORIES.find(([prefix]) => elementId.startsWith(prefix))?.[1] ?? "Skills";
// O*NET levels run 0–7; FRAC's default scale 1–5. Level 0 ("not needed") still needs 1.
const toFive = (level) => Math.min(5, Math.max(1, Math.ceil((level * 5) / 7)));

const kcm = JSON.parse(fs.readFileSync(path.join(root, "db/seed-data/kcm.json"), "utf8"));
const kcmType = new Map();
for (const type of kcm.types)
  for (const theme of type.themes)
    for (const name of [theme.name, ...theme.subThemes.map((s) => s.name)]) kcmType.set(name.toLowerCase(), type.name);

const codes = Object.keys(OCCUPATIONS);
const occupations = new Map((await sheet("Occupation Data.xlsx")).map((o) => [o["O*NET-SOC Code"], o]));
const iwaOfDwa = new Map((await sheet("DWA Reference.xlsx")).map((d) => [d["DWA ID"], d["IWA Title"]]));
const roleOfTask = new Map();
for (const link of await sheet("Tasks to DWAs.xlsx")) {
  if (!roleOfTask.has(link["Task ID"])) roleOfTask.set(link["Task ID"], iwaOfDwa.get(link["DWA ID"]));
}
const skills = (await sheet("Skills.xlsx")).filter((s) => codes.includes(s["O*NET-SOC Code"]));
const tasks = (await sheet("Task Statements.xlsx")).filter((t) => codes.includes(t["O*NET-SOC Code"]) && t["Task Type"] === "Core");

const HEADER = ["Position", "Position description", "Role", "Activity", "Competency id", "Competency", "Competency type", "Theme", "Required level"];
const good = [HEADER];
const domainTyped = [HEADER];
for (const code of codes) {
  const occupation = occupations.get(code);
  const rated = skills.filter((s) => s["O*NET-SOC Code"] === code);
  const level = (id) => rated.find((s) => s["Element ID"] === id && s["Scale ID"] === "LV")["Data Value"];
  const top = rated
    .filter((s) => s["Scale ID"] === "IM")
    .sort((a, b) => b["Data Value"] - a["Data Value"] || a["Element ID"].localeCompare(b["Element ID"]))
    .slice(0, SKILLS_PER_TASK);
  const own = tasks.filter((t) => t["O*NET-SOC Code"] === code && roleOfTask.has(t["Task ID"])).slice(0, TASKS_PER_OCCUPATION);
  own.forEach((task, n) => {
    const start = [occupation.Title, occupation.Description, roleOfTask.get(task["Task ID"]).replace(/\.$/u, ""), task.Task];
    for (const skill of top) {
      const name = skill["Element Name"];
      const cells = [name, kcmType.get(name.toLowerCase()) ?? "Domain", category(skill["Element ID"]), String(toFive(level(skill["Element ID"])))];
      good.push([...start, "", ...cells]);
      domainTyped.push([...start, "", cells[0], "Domain", ...cells.slice(2)]);
    }
    // The occupation's KCM requirements, one per task from the first, at level 3 (2 for clerks).
    const kcmRow = OCCUPATIONS[code][n];
    if (kcmRow) {
      const [competency, type, theme, id = ""] = kcmRow;
      const row = [...start, id, competency, type, theme, code.startsWith("43-") ? "2" : "3"];
      good.push(row);
      domainTyped.push(row);
    }
  });
}

fs.mkdirSync(out, { recursive: true });
const csv = (rows) => Papa.unparse(rows, { newline: "\r\n" }) + "\r\n";
fs.writeFileSync(path.join(out, "onet-public-service.csv"), csv(good));
fs.writeFileSync(path.join(out, "onet-public-service-domain-types.csv"), csv(domainTyped));
const wb = new ExcelJS.Workbook();
// why fixed dates: the workbook's bytes then depend only on its rows.
wb.created = wb.modified = new Date("2025-05-01T00:00:00Z");
wb.creator = "make-onet-fixtures";
const ws = wb.addWorksheet("FRAC");
for (const row of good) ws.addRow(row.map((cell, i) => (i === HEADER.length - 1 && /^\d+$/u.test(cell) ? Number(cell) : cell)));
await wb.xlsx.writeFile(path.join(out, "onet-public-service.xlsx"));

const distinct = (i) => new Set(good.slice(1).map((r) => r[i])).size;
console.log(JSON.stringify({ rows: good.length - 1, positions: distinct(0), roles: distinct(2), activities: distinct(3), competencies: distinct(5) }));
