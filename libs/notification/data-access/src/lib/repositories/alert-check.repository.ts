import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Periodic checks that run once across replicas: a conditional upsert hands each period to one replica. */
@Injectable()
export class AlertCheckRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * True for the one caller that takes the check's current period: its due time has come, and it is moved on by
   * `everySeconds`. A due time more than two periods ahead (set by a replica whose clock was wrong) is taken too, so a
   * wrong clock cannot stop the check; replicas whose clocks differ by less than a period never both take one.
   */
  async claim(name: string, now: Date, everySeconds: number): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `INSERT INTO "notification"."alert_checks" AS "c" ("name", "due_at") VALUES ($1, $2::timestamptz + make_interval(secs => $3))
       ON CONFLICT ("name") DO UPDATE SET "due_at" = EXCLUDED."due_at"
       WHERE "c"."due_at" <= $2::timestamptz OR "c"."due_at" > EXCLUDED."due_at" + make_interval(secs => $3)
       RETURNING "name"`,
      [name, now, everySeconds],
    );
    return rows.length > 0;
  }
}
