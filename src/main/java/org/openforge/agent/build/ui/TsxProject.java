package org.openforge.agent.build.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openforge.agent.build.ClassBinding;
import org.openforge.agent.build.Names;
import org.openforge.agent.build.SlotBinding;

/**
 * Generates the dashboard as a React + TypeScript project (Vite): an interface per class, a client for the data API,
 * the metrics helpers, the KPI card, chart (inline SVG, no chart library) and data table components, and a dashboard
 * wired to the requested components.
 */
public final class TsxProject {

  private TsxProject() {}

  public static Map<String, String> generate(String slug, String title, List<ClassBinding> classes,
      List<UiComponent> components, Map<String, ComponentData> data) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("package.json", packageJson(slug));
    files.put("tsconfig.json", TSCONFIG);
    files.put("vite.config.ts", VITE_CONFIG);
    files.put("index.html", "<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\" />\n"
        + "    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n    <title>"
        + Html.escape(title) + "</title>\n  </head>\n  <body>\n    <div id=\"root\"></div>\n"
        + "    <script type=\"module\" src=\"/src/main.tsx\"></script>\n  </body>\n</html>\n");
    files.put("src/vite-env.d.ts", "/// <reference types=\"vite/client\" />\n");
    files.put("src/types.ts", types(classes));
    files.put("src/api.ts", API);
    files.put("src/metrics.ts", METRICS);
    files.put("src/dashboard.config.ts", config(classes, components, data));
    files.put("src/components/KpiCard.tsx", KPI_CARD);
    files.put("src/components/Chart.tsx", CHART);
    files.put("src/components/DataTable.tsx", DATA_TABLE);
    files.put("src/Dashboard.tsx", DASHBOARD);
    files.put("src/main.tsx", MAIN.replace("%TITLE%", TypeScript.str(title)));
    files.put("src/styles.css", STYLES);
    files.put("README.md", readme(title, components));
    return files;
  }

  private static String packageJson(String slug) {
    return "{\n  \"name\": \"" + slug + "-dashboard\",\n  \"private\": true,\n  \"version\": \"0.1.0\",\n"
        + "  \"type\": \"module\",\n  \"scripts\": {\n    \"dev\": \"vite\",\n"
        + "    \"build\": \"tsc --noEmit && vite build\",\n    \"typecheck\": \"tsc --noEmit\"\n  },\n"
        + "  \"dependencies\": {\n    \"react\": \"^18.3.1\",\n    \"react-dom\": \"^18.3.1\"\n  },\n"
        + "  \"devDependencies\": {\n    \"@types/react\": \"^18.3.3\",\n    \"@types/react-dom\": \"^18.3.0\",\n"
        + "    \"@vitejs/plugin-react\": \"^4.3.1\",\n    \"typescript\": \"^5.5.4\",\n    \"vite\": \"^5.4.0\"\n"
        + "  }\n}\n";
  }

  private static String types(List<ClassBinding> classes) {
    StringBuilder ts = new StringBuilder("// One interface per ontology class, as the data API returns it.\n");
    for (ClassBinding c : classes) {
      ts.append("\nexport interface ").append(Names.pascal(c.className())).append(" {\n");
      for (SlotBinding s : c.slots()) {
        if (s.multivalued() || !s.mapped()) {
          continue;
        }
        String type = s.enumValues().isEmpty() ? switch (s.baseType()) {
          case "integer", "decimal", "float", "double" -> "number";
          case "boolean" -> "boolean";
          default -> "string";
        } : String.join(" | ", s.enumValues().stream().map(TypeScript::str).toList());
        ts.append("  ").append(TypeScript.key(s.slot())).append(": ").append(type).append(s.required() ? "" : " | null")
            .append(";").append(s.reference() ? " // " + s.referencedClass() + " identifier" : "").append("\n");
      }
      ts.append("}\n");
    }
    return ts.toString();
  }

  private static String config(List<ClassBinding> classes, List<UiComponent> components,
      Map<String, ComponentData> data) {
    StringBuilder ts = new StringBuilder(CONFIG_TYPES);
    ts.append("\nexport const components: ComponentConfig[] = [\n");
    Set<String> collections = new LinkedHashSet<>();
    for (UiComponent c : components) {
      String collection = Names.collection(c.className());
      collections.add(collection);
      ts.append("  {\n    id: ").append(TypeScript.str(c.id())).append(",\n    type: ").append(TypeScript.str(c.type()))
          .append(",\n    title: ").append(TypeScript.str(c.title())).append(",\n    collection: ")
          .append(TypeScript.str(collection)).append(",\n");
      switch (c.type()) {
        case "kpi_card" -> ts.append("    fn: ").append(TypeScript.str(c.function())).append(",\n    measure: ")
            .append(TypeScript.str(c.measure())).append(",\n");
        case "chart" -> {
          List<String> hops = new ArrayList<>();
          ClassBinding current = classes.stream().filter(x -> x.className().equals(c.className())).findFirst()
              .orElseThrow();
          for (int i = 0; i < c.groupPath().size() - 1; i++) {
            SlotBinding ref = current.slot(c.groupPath().get(i)).orElseThrow();
            ClassBinding next = classes.stream().filter(x -> x.className().equals(ref.referencedClass())).findFirst()
                .orElseThrow();
            String nextCollection = Names.collection(next.className());
            collections.add(nextCollection);
            hops.add("{ via: " + TypeScript.str(ref.slot()) + ", collection: " + TypeScript.str(nextCollection)
                + ", key: " + TypeScript.str(next.identifier()) + " }");
            current = next;
          }
          ComponentData d = data.get(c.id());
          ts.append("    chartType: ").append(TypeScript.str(c.chartType())).append(",\n    x: ")
              .append(TypeScript.str(c.xAxis())).append(",\n    y: ").append(TypeScript.str(c.measure()))
              .append(",\n    fn: ").append(TypeScript.str(c.function())).append(",\n    hops: [")
              .append(String.join(", ", hops)).append("],\n    groupBy: ").append(TypeScript.str(c.groupBy()))
              .append(",\n    byMonth: ").append(d != null && "month".equals(d.grain())).append(",\n");
        }
        case "data_table" -> ts.append("    columns: ").append(TypeScript.list(c.columns())).append(",\n");
        default -> throw new IllegalArgumentException("unknown component type " + c.type());
      }
      ts.append("  },\n");
    }
    ts.append("];\n\n// The collections of the data API the dashboard loads.\nexport const collections: string[] = ")
        .append(TypeScript.list(List.copyOf(collections))).append(";\n");
    return ts.toString();
  }

  private static String readme(String title, List<UiComponent> components) {
    StringBuilder md = new StringBuilder("# " + title + " — dashboard\n\nGenerated by Open Forge: React 18 + "
        + "TypeScript components reading the generated data API (`/data-api/v1`).\n\n```bash\nnpm install\n"
        + "VITE_DATA_API_URL=https://api.example.org/data-api/v1 VITE_DATA_API_KEY=... npm run dev\n```\n\n"
        + "| component | type | shows |\n|---|---|---|\n");
    for (UiComponent c : components) {
      md.append("| ").append(c.id()).append(" | ").append(c.type()).append(" | ").append(c.title().replace("|", "/"))
          .append(" |\n");
    }
    md.append("\nThe `ui_preview` artifact shows the same components rendered with the data queried when they were"
        + " generated.\n");
    return md.toString();
  }

  private static final String TSCONFIG = """
      {
        "compilerOptions": {
          "target": "ES2020",
          "lib": ["ES2020", "DOM", "DOM.Iterable"],
          "module": "ESNext",
          "moduleResolution": "bundler",
          "jsx": "react-jsx",
          "strict": true,
          "noUnusedLocals": true,
          "noUnusedParameters": true,
          "skipLibCheck": true,
          "isolatedModules": true,
          "noEmit": true
        },
        "include": ["src"]
      }
      """;

  private static final String VITE_CONFIG = """
      import { defineConfig } from "vite";
      import react from "@vitejs/plugin-react";

      export default defineConfig({
        plugins: [react()],
      });
      """;

  private static final String API = """
      // A small client for the generated data API: pages of objects, with the API key when one is configured.
      export type Row = Record<string, unknown>;

      export interface Page {
        items: Row[];
        limit: number;
        offset: number;
      }

      const BASE: string = import.meta.env.VITE_DATA_API_URL ?? "/data-api/v1";
      const KEY: string | undefined = import.meta.env.VITE_DATA_API_KEY;
      const PAGE = 500;

      export async function fetchPage(collection: string, limit: number, offset: number): Promise<Page> {
        const headers: Record<string, string> = KEY ? { "X-API-Key": KEY } : {};
        const response = await fetch(`${BASE}/${collection}?limit=${limit}&offset=${offset}`, { headers });
        if (!response.ok) {
          throw new Error(`${collection}: HTTP ${response.status}`);
        }
        return (await response.json()) as Page;
      }

      export async function fetchAll(collection: string, max = 20000): Promise<Row[]> {
        const rows: Row[] = [];
        for (let offset = 0; offset < max; offset += PAGE) {
          const page = await fetchPage(collection, PAGE, offset);
          rows.push(...page.items);
          if (page.items.length < PAGE) {
            break;
          }
        }
        return rows;
      }
      """;

  private static final String METRICS = """
      // Aggregates for KPI cards and charts, computed from the rows the data API returns.
      import type { Row } from "./api";

      export type Fn = "count" | "sum" | "avg" | "min" | "max";

      export interface Series {
        name: string;
        values: (number | null)[];
      }

      export function toNumber(value: unknown): number | null {
        if (typeof value === "number") {
          return Number.isFinite(value) ? value : null;
        }
        if (typeof value === "string" && value.trim() !== "") {
          const n = Number(value);
          return Number.isFinite(n) ? n : null;
        }
        return null;
      }

      export function aggregate(values: unknown[], fn: Fn): number | null {
        if (fn === "count") {
          return values.length;
        }
        const numbers = values.map(toNumber).filter((n): n is number => n !== null);
        if (numbers.length === 0) {
          return null;
        }
        switch (fn) {
          case "sum":
            return numbers.reduce((a, b) => a + b, 0);
          case "avg":
            return numbers.reduce((a, b) => a + b, 0) / numbers.length;
          case "min":
            return Math.min(...numbers);
          case "max":
            return Math.max(...numbers);
        }
      }

      export function buildSeries(
        rows: Row[],
        x: string,
        y: string | null,
        fn: Fn,
        group: (row: Row) => string | null,
        byMonth: boolean,
      ): { xs: string[]; series: Series[] } {
        const cells = new Map<string, Map<string, unknown[]>>();
        for (const row of rows) {
          const raw = row[x];
          if (raw === null || raw === undefined) {
            continue;
          }
          const key = byMonth ? String(raw).slice(0, 7) : String(raw);
          const name = group(row) ?? "(all)";
          const byGroup = cells.get(key) ?? new Map<string, unknown[]>();
          const values = byGroup.get(name) ?? [];
          values.push(y === null ? 1 : row[y]);
          byGroup.set(name, values);
          cells.set(key, byGroup);
        }
        const xs = [...cells.keys()].sort();
        const names = [...new Set([...cells.values()].flatMap((g) => [...g.keys()]))].sort();
        const series = names.map((name) => ({
          name,
          values: xs.map((key) => {
            const values = cells.get(key)?.get(name);
            return values === undefined ? null : aggregate(values, fn);
          }),
        }));
        return { xs, series };
      }
      """;

  private static final String CONFIG_TYPES = """
      // The dashboard's components, as requested from Open Forge (generated).
      import type { Fn } from "./metrics";

      export interface KpiConfig {
        id: string;
        type: "kpi_card";
        title: string;
        collection: string;
        fn: Fn;
        measure: string | null;
      }

      // A reference followed to group a chart: the slot holding the identifier, the collection it points into.
      export interface Hop {
        via: string;
        collection: string;
        key: string;
      }

      export interface ChartConfig {
        id: string;
        type: "chart";
        title: string;
        collection: string;
        chartType: "line" | "area" | "bar";
        x: string;
        y: string | null;
        fn: Fn;
        hops: Hop[];
        groupBy: string | null;
        byMonth: boolean;
      }

      export interface TableConfig {
        id: string;
        type: "data_table";
        title: string;
        collection: string;
        columns: string[];
      }

      export type ComponentConfig = KpiConfig | ChartConfig | TableConfig;
      """;

  private static final String KPI_CARD = """
      export interface KpiCardProps {
        title: string;
        value: number | null;
        caption?: string;
      }

      const format = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

      export function KpiCard({ title, value, caption }: KpiCardProps) {
        return (
          <section className="card" data-component="kpi_card">
            <h2>{title}</h2>
            <div className="kpi-value">{value === null ? "—" : format.format(value)}</div>
            {caption ? <p className="scope">{caption}</p> : null}
          </section>
        );
      }
      """;

  private static final String CHART = """
      import type { Series } from "../metrics";

      export interface ChartProps {
        title: string;
        chartType: "line" | "area" | "bar";
        xs: string[];
        series: Series[];
      }

      const PALETTE = ["#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#65a30d",
        "#ea580c", "#4f46e5", "#0d9488", "#9333ea"];
      const WIDTH = 760;
      const HEIGHT = 320;
      const LEFT = 64;
      const RIGHT = 16;
      const TOP = 16;
      const BOTTOM = 56;

      function nice(value: number): number {
        if (value <= 0) {
          return 0;
        }
        const power = Math.pow(10, Math.floor(Math.log10(value)));
        for (const m of [1, 2, 2.5, 5, 10]) {
          if (m * power >= value) {
            return m * power;
          }
        }
        return 10 * power;
      }

      function compact(value: number): string {
        const abs = Math.abs(value);
        if (abs >= 1e9) return `${(value / 1e9).toFixed(1)}B`;
        if (abs >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
        if (abs >= 1e3) return `${(value / 1e3).toFixed(1)}k`;
        return `${Math.round(value * 10) / 10}`;
      }

      export function Chart({ title, chartType, xs, series }: ChartProps) {
        const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
        const top = nice(Math.max(0, ...values));
        const low = Math.min(0, ...values);
        const bottom = low < 0 ? -nice(-low) : 0;
        const span = top - bottom || 1;
        const plotW = WIDTH - LEFT - RIGHT;
        const plotH = HEIGHT - TOP - BOTTOM;
        const band = xs.length === 0 ? plotW : plotW / xs.length;
        const y = (v: number) => TOP + plotH - ((v - bottom) / span) * plotH;
        const x = (i: number) => LEFT + band * i + band / 2;
        const every = Math.max(1, Math.ceil(xs.length / 10));
        const path = (s: Series) =>
          s.values
            .map((v, i) => (v === null ? null : `${x(i).toFixed(1)} ${y(v).toFixed(1)}`))
            .reduce<string>((d, point, i, all) => {
              if (point === null) return d;
              return d + (i === 0 || all[i - 1] === null ? ` M ${point}` : ` L ${point}`);
            }, "")
            .trim();
        return (
          <section className="card wide" data-component="chart">
            <h2>{title}</h2>
            <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
              {[0, 1, 2, 3, 4, 5].map((i) => {
                const v = bottom + (span * i) / 5;
                return (
                  <g key={`tick-${i}`}>
                    <line className="grid" x1={LEFT} x2={WIDTH - RIGHT} y1={y(v)} y2={y(v)} />
                    <text className="tick" x={LEFT - 8} y={y(v) + 4} textAnchor="end">
                      {compact(v)}
                    </text>
                  </g>
                );
              })}
              {xs.map((label, i) =>
                i % every === 0 ? (
                  <text key={`x-${label}`} className="tick" x={x(i)} y={HEIGHT - BOTTOM + 18} textAnchor="middle">
                    {label}
                  </text>
                ) : null,
              )}
              {series.map((s, si) => {
                const color = PALETTE[si % PALETTE.length];
                if (chartType === "bar") {
                  const width = (band * 0.8) / series.length;
                  return (
                    <g key={s.name}>
                      {s.values.map((v, i) =>
                        v === null ? null : (
                          <rect
                            key={`${s.name}-${i}`}
                            x={LEFT + band * i + band * 0.1 + width * si}
                            y={Math.min(y(0), y(v))}
                            width={Math.max(0.5, width)}
                            height={Math.abs(y(0) - y(v))}
                            fill={color}
                          >
                            <title>{`${s.name} · ${xs[i]}: ${v}`}</title>
                          </rect>
                        ),
                      )}
                    </g>
                  );
                }
                const d = path(s);
                return (
                  <g key={s.name}>
                    {chartType === "area" && d !== "" ? (
                      <path d={`${d} V ${y(0)} H ${x(s.values.findIndex((v) => v !== null))} Z`} fill={color}
                        fillOpacity={0.15} stroke="none" />
                    ) : null}
                    <path d={d} fill="none" stroke={color} strokeWidth={2}>
                      <title>{s.name}</title>
                    </path>
                  </g>
                );
              })}
            </svg>
            {series.length > 1 ? (
              <ul className="legend">
                {series.map((s, si) => (
                  <li key={s.name}>
                    <span style={{ background: PALETTE[si % PALETTE.length] }} />
                    {s.name}
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        );
      }
      """;

  private static final String DATA_TABLE = """
      import type { Row } from "../api";

      export interface DataTableProps {
        title: string;
        columns: string[];
        rows: Row[];
      }

      function cell(value: unknown): string {
        if (value === null || value === undefined) {
          return "";
        }
        return typeof value === "object" ? JSON.stringify(value) : String(value);
      }

      export function DataTable({ title, columns, rows }: DataTableProps) {
        return (
          <section className="card wide" data-component="data_table">
            <h2>{title}</h2>
            <table>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c}>{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={i}>
                    {columns.map((c) => (
                      <td key={c} className={typeof row[c] === "number" ? "num" : undefined}>
                        {cell(row[c])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      }
      """;

  private static final String DASHBOARD = """
      import { useEffect, useState } from "react";
      import { fetchAll, type Row } from "./api";
      import { aggregate, buildSeries } from "./metrics";
      import { Chart } from "./components/Chart";
      import { DataTable } from "./components/DataTable";
      import { KpiCard } from "./components/KpiCard";
      import { collections, components, type ChartConfig, type ComponentConfig } from "./dashboard.config";

      type Data = Record<string, Row[]>;

      function grouper(c: ChartConfig, data: Data): (row: Row) => string | null {
        const groupBy = c.groupBy;
        if (groupBy === null) {
          return () => null;
        }
        const indexes = c.hops.map(
          (hop) => new Map((data[hop.collection] ?? []).map((r) => [String(r[hop.key]), r] as const)),
        );
        return (row) => {
          let at: Row | undefined = row;
          for (let i = 0; i < c.hops.length && at !== undefined; i++) {
            const key: unknown = at[c.hops[i].via];
            at = key === null || key === undefined ? undefined : indexes[i].get(String(key));
          }
          const value = at === undefined ? undefined : at[groupBy];
          return value === null || value === undefined ? "(none)" : String(value);
        };
      }

      function render(c: ComponentConfig, data: Data) {
        const rows = data[c.collection] ?? [];
        switch (c.type) {
          case "kpi_card": {
            const measure = c.measure;
            const values = measure === null ? rows : rows.map((r) => r[measure]);
            return <KpiCard key={c.id} title={c.title} value={aggregate(values, c.fn)} />;
          }
          case "chart": {
            const built = buildSeries(rows, c.x, c.y, c.fn, grouper(c, data), c.byMonth);
            return <Chart key={c.id} title={c.title} chartType={c.chartType} xs={built.xs} series={built.series} />;
          }
          case "data_table":
            return <DataTable key={c.id} title={c.title} columns={c.columns} rows={rows.slice(0, 20)} />;
        }
      }

      export function Dashboard() {
        const [data, setData] = useState<Data | null>(null);
        const [error, setError] = useState<string | null>(null);
        useEffect(() => {
          let cancelled = false;
          Promise.all(collections.map(async (c) => [c, await fetchAll(c)] as const))
            .then((entries) => {
              if (!cancelled) setData(Object.fromEntries(entries));
            })
            .catch((e: unknown) => {
              if (!cancelled) setError(e instanceof Error ? e.message : String(e));
            });
          return () => {
            cancelled = true;
          };
        }, []);
        if (error !== null) {
          return <p className="error">Could not load the data: {error}</p>;
        }
        if (data === null) {
          return <p>Loading…</p>;
        }
        return <main>{components.map((c) => render(c, data))}</main>;
      }
      """;

  private static final String MAIN = """
      import { StrictMode } from "react";
      import { createRoot } from "react-dom/client";
      import { Dashboard } from "./Dashboard";
      import "./styles.css";

      const root = document.getElementById("root");
      if (root === null) {
        throw new Error("no #root element");
      }
      document.title = %TITLE%;
      createRoot(root).render(
        <StrictMode>
          <Dashboard />
        </StrictMode>,
      );
      """;

  private static final String STYLES = """
      body { margin: 0; font: 14px/1.45 system-ui, sans-serif; color: #0f172a; background: #f1f5f9; }
      main { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 16px;
        padding: 16px 28px; }
      .card { background: #fff; border: 1px solid #e2e8f0; border-radius: 10px; padding: 16px; }
      .card h2 { margin: 0 0 8px; font-size: 15px; }
      .wide { grid-column: 1 / -1; }
      .kpi-value { font-size: 32px; font-weight: 650; }
      .scope { color: #64748b; font-size: 12px; }
      svg { width: 100%; height: auto; }
      svg .grid { stroke: #e2e8f0; }
      svg .tick { fill: #64748b; font-size: 11px; }
      .legend { list-style: none; display: flex; flex-wrap: wrap; gap: 12px; padding: 0; }
      .legend span { display: inline-block; width: 10px; height: 10px; margin-right: 6px; }
      table { width: 100%; border-collapse: collapse; font-size: 13px; }
      th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e2e8f0; }
      td.num { text-align: right; }
      .error { color: #b91c1c; }
      """;
}
