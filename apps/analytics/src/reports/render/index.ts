export { renderCsv } from './csv-report.renderer';
export { renderPdf } from './pdf-report.renderer';
export {
  REPORT_FORMATS,
  type RenderedReport,
  type ReportCell,
  type ReportChartPoint,
  type ReportColumn,
  type ReportColumnUnit,
  type ReportDocument,
  type ReportFormat,
  type ReportParetoPoint,
  type ReportTable,
} from './report-document';
export { REPORT_CONTENT_TYPES, renderReport, reportFileName } from './report-renderer';
export { renderXlsx } from './xlsx-report.renderer';
