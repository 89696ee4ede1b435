import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type Repository } from 'typeorm';
import { CalendarEntity, type StoredShift } from '../entities/calendar.entity';

@Injectable()
export class CalendarRepository {
  private readonly repo: Repository<CalendarEntity>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.repo = dataSource.getRepository(CalendarEntity);
  }

  async find(calendarId: string): Promise<CalendarEntity | null> {
    return this.repo.findOneBy({ calendarId });
  }

  /** The calendars among `calendarIds` that exist, by id. */
  async findMany(calendarIds: string[]): Promise<Map<string, CalendarEntity>> {
    if (calendarIds.length === 0) return new Map();
    const rows = await this.repo.findBy({ calendarId: In(calendarIds) });
    return new Map(rows.map((row) => [row.calendarId, row]));
  }

  /** Creates or replaces the calendar whole; returns it as stored. */
  async save(calendarId: string, timezone: string, shifts: StoredShift[]): Promise<CalendarEntity> {
    await this.repo.upsert({ calendarId, timezone, shifts, updatedAt: new Date() }, ['calendarId']);
    return (await this.find(calendarId)) as CalendarEntity;
  }

  /** True if there was one to delete. */
  async delete(calendarId: string): Promise<boolean> {
    const result = await this.repo.delete({ calendarId });
    return (result.affected ?? 0) > 0;
  }
}
