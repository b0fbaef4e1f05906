import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';

/** Name of the BullMQ queue the notifications worker consumes. */
export const NOTIFICATIONS_QUEUE = 'notifications';

/** Jobs the notifications worker understands. */
export type NotificationJob =
  | { kind: 'order-confirmation'; orderId: string; customerEmail: string }
  | { kind: 'order-cancelled'; orderId: string; customerEmail: string };

/** Enqueues outbound e-mails on Redis so request handlers never wait on SMTP. */
@Injectable()
export class NotificationsQueue implements OnModuleDestroy {
  private readonly logger = new Logger(NotificationsQueue.name);
  private readonly connection: IORedis;
  private readonly queue: Queue<NotificationJob>;

  constructor(config: ConfigService) {
    this.connection = new IORedis(config.get<string>('REDIS_URL') ?? 'redis://localhost:6379', {
      maxRetriesPerRequest: null,
    });
    this.queue = new Queue<NotificationJob>(NOTIFICATIONS_QUEUE, { connection: this.connection });
  }

  /** Adds a job with retries and exponential backoff; failures are logged, never thrown to callers. */
  async enqueue(job: NotificationJob): Promise<void> {
    try {
      await this.queue.add(job.kind, job, { attempts: 5, backoff: { type: 'exponential', delay: 2_000 } });
    } catch (error) {
      this.logger.error(`Failed to enqueue ${job.kind} for order ${job.orderId}`, error as Error);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close();
    await this.connection.quit();
  }
}
