import { Global, Module } from '@nestjs/common';
import { NotificationsQueue } from './notifications.queue';

/** Provides NotificationsQueue to every feature module. */
@Global()
@Module({
  providers: [NotificationsQueue],
  exports: [NotificationsQueue],
})
export class NotificationsModule {}
