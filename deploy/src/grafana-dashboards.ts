import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** deploy/grafana/dashboards, found from this file. */
export const DASHBOARDS_DIR = path.resolve(__dirname, '../grafana/dashboards');

export interface DashboardTarget {
  refId: string;
  expr: string;
  legendFormat?: string;
}

export interface DashboardPanel {
  id: number;
  title: string;
  type: string;
  datasource?: { type: string; uid: string };
  targets: DashboardTarget[];
}

export interface Dashboard {
  uid: string;
  title: string;
  panels: DashboardPanel[];
}

export interface PanelQuery {
  dashboard: string;
  panel: string;
  refId: string;
  expr: string;
}

export function dashboardFiles(): string[] {
  return readdirSync(DASHBOARDS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(DASHBOARDS_DIR, f));
}

export function readDashboard(file: string): Dashboard {
  return JSON.parse(readFileSync(path.join(DASHBOARDS_DIR, file), 'utf8')) as Dashboard;
}

/** Every query of every panel, named by dashboard and panel title. */
export function panelQueries(dashboard: Dashboard): PanelQuery[] {
  return dashboard.panels.flatMap((p) => p.targets.map((t) => ({ dashboard: dashboard.title, panel: p.title, refId: t.refId, expr: t.expr })));
}
