import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Observable, tap } from 'rxjs';
import { AuthUser } from '@shop/shared-types';

/** Logs one structured line per request: method, route, status, duration, user id. */
@Injectable()
export class RequestLoggingInterceptor implements NestInterceptor {
  private readonly logger = new Logger('HTTP');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{ method: string; url: string; user?: AuthUser }>();
    const response = context.switchToHttp().getResponse<{ statusCode: number }>();
    const started = Date.now();
    return next.handle().pipe(
      tap({
        finalize: () =>
          this.logger.log({
            method: request.method,
            url: request.url,
            status: response.statusCode,
            durationMs: Date.now() - started,
            userId: request.user?.id,
          }),
      }),
    );
  }
}
