import { Body, Controller, Get, HttpCode, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CustomReportRequest, DailyReportQuery, SUBJECTS, type ReportFile } from '@shopfloor/contracts';
import { RpcClient } from '@shopfloor/nats';
import type { Response } from 'express';

@ApiTags('reports')
@Controller('api/v1/reports')
export class ReportsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('daily')
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf')
  @ApiOperation({ summary: 'OEE by machine, downtime Pareto and totals for one day of the shop calendar (default yesterday), as json, csv, xlsx or pdf' })
  async daily(@Query() query: DailyReportQuery, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return send(await this.rpc.request<ReportFile>(SUBJECTS.analytics.reportDaily, query), res);
  }

  @Post('custom')
  @HttpCode(200)
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf')
  @ApiOperation({ summary: 'Chosen metrics for chosen machines and period, by machine or by hour/shift/day/week, as json, csv, xlsx or pdf' })
  async custom(@Body() body: CustomReportRequest, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return send(await this.rpc.request<ReportFile>(SUBJECTS.analytics.reportCustom, body), res);
  }
}

function send(file: ReportFile, res: Response): StreamableFile {
  const body = Buffer.from(file.body_base64, 'base64');
  res.setHeader('Content-Type', file.content_type);
  res.setHeader('Content-Disposition', `attachment; filename="${file.file_name}"`);
  res.setHeader('Content-Length', String(body.length));
  return new StreamableFile(body);
}
